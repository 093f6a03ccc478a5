import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A transport that can also start a request and call back with its outcome, with no task
/// of Swift concurrency around it: what a `URLProtocol`, which must not block its queue,
/// sends through without a hop to a task and back.
public protocol StartingHTTPTransport: HTTPTransport {
  /// Starts sending `request`; `completion` is called once, on a thread of the transport's,
  /// with what ``HTTPTransport/send(_:)`` would return or throw. Calling the returned
  /// closure cancels the request (`completion` then gets the cancellation, unless the
  /// outcome came first).
  func startSending(
    _ request: URLRequest,
    completion: @escaping @Sendable (Result<(Data, HTTPURLResponse), any Error>) -> Void
  ) -> @Sendable () -> Void
}

extension URLSession: StartingHTTPTransport {
  /// Starts a data task (see ``StartingHTTPTransport/startSending(_:completion:)``).
  public func startSending(
    _ request: URLRequest,
    completion: @escaping @Sendable (Result<(Data, HTTPURLResponse), any Error>) -> Void
  ) -> @Sendable () -> Void {
    let task = dataTask(with: request) { data, response, error in
      if let error {
        completion(.failure(error))
      } else if let http = response as? HTTPURLResponse {
        completion(.success((data ?? Data(), http)))
      } else {
        completion(.failure(URLError(.badServerResponse)))
      }
    }
    task.resume()
    return { task.cancel() }
  }
}

extension SameOriginTransport: StartingHTTPTransport {
  /// Starts a data task (see ``StartingHTTPTransport/startSending(_:completion:)``).
  public func startSending(
    _ request: URLRequest,
    completion: @escaping @Sendable (Result<(Data, HTTPURLResponse), any Error>) -> Void
  ) -> @Sendable () -> Void {
    let task = start(request, completion: completion)
    return { task.cancel() }
  }
}
