import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension URLSession: HTTPTransport {
  /// Sends the request with `data(for:)`; a response that is not HTTP is an error.
  ///
  /// Redirects are followed as the session follows them: `URLSession.shared` and a session
  /// without a delegate follow every one, to any origin, with the request's headers. Send
  /// credentials through ``SameOriginTransport`` instead.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let (data, response) = try await data(for: request)
    guard let http = response as? HTTPURLResponse else {
      throw URLError(.badServerResponse)
    }
    return (data, http)
  }
}
