import Dispatch
import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Synchronization
import SystemInterface

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPTransport`` for `http://` URLs over plain keep-alive sockets, without
/// URLSession: what `tape proxy` forwards through when its upstream is a local stand-in
/// (the simulator), where URLSession's cost on Linux (about 0.9 ms a request) would be most
/// of the proxy's. HTTP/1.1, one request at a time per connection, idle connections kept
/// for reuse; answers read by LoopbackHTTP's ``HTTPResponseReader`` (bodies framed by
/// `Content-Length`, chunked, or the end of the connection; interim 1xx answers skipped),
/// within its ``limits``.
///
/// The request goes as given: its method as spelled, its path and query still
/// percent-encoded, its headers, and `Content-Length` when it has a body (or its method
/// expects one: POST, PUT, PATCH). A request is sent again, once, on a new connection only
/// when a reused connection fails and either nothing of it was written or its method is
/// idempotent (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT, DELETE); a POST whose
/// connection closes after it was written fails with `URLError(.networkConnectionLost)`
/// rather than reach the upstream twice. An idle connection the upstream has closed is
/// never written to.
public final class PlainHTTPTransport: HTTPTransport, Sendable {
  private let idle = Mutex<[String: [Int32]]>([:])
  /// How long to wait for the upstream at each step.
  public let timeout: Duration
  /// How much of an answer is read: 64 MiB of body by default; past a limit the exchange
  /// fails with `URLError(.dataLengthExceedsMaximum)` and the connection is closed.
  public let limits: HTTPResponseReader.Limits

  /// A transport whose connections give up after `timeout` without progress, and read
  /// answers within `limits`.
  public init(timeout: Duration = .seconds(30), limits: HTTPResponseReader.Limits = .init()) {
    self.timeout = timeout
    self.limits = limits
  }

  deinit {
    for descriptors in idle.withLock({ $0.values }) {
      for descriptor in descriptors { SystemInterface.close(descriptor) }
    }
  }

  /// Where the blocking socket calls run: a concurrent queue of its own, whose threads
  /// dispatch keeps and reuses and adds to while they block (a thread per request cost
  /// about 40 µs of `pthread_create` each time), never the concurrency pool's.
  private static let blockingQueue = DispatchQueue(
    label: "tape.plain-http-transport", attributes: .concurrent)

  /// Sends `request` and reads its answer on ``blockingQueue`` (the socket calls block).
  /// Cancelling the calling task shuts the request's connection down: it fails at once with
  /// `URLError(.cancelled)`, whatever the upstream is doing.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    try Task.checkCancellation()
    let inFlight = InFlightSocket()
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
        Self.blockingQueue.async {
          continuation.resume(
            with: Result {
              let answer = try self.answerBlocking(request, inFlight: inFlight)
              return (answer.body, try answer.response(to: request))
            })
        }
      }
    } onCancel: {
      inFlight.cancel()
    }
  }

  /// Sends `request` and reads its answer on the calling thread, which blocks meanwhile:
  /// for callers on threads of their own (a LoopbackHTTP blocking handler), never on the
  /// concurrency pool.
  public func sendBlocking(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
    let answer = try answerBlocking(request)
    return (answer.body, try answer.response(to: request))
  }

  /// The methods RFC 9110 §9.2.2 calls idempotent: sending one twice has the effect of
  /// sending it once. Case-sensitive, as methods are.
  static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]

  /// Sends `request` and reads its answer on the calling thread, without making an
  /// `HTTPURLResponse` (the proxy answers its client from this, and makes one afterwards
  /// for the recorder).
  func answerBlocking(_ request: URLRequest, inFlight: InFlightSocket? = nil) throws(URLError)
    -> UpstreamAnswer
  {
    guard let url = request.url, url.scheme?.lowercased() == "http", let host = url.host else {
      throw .described(.unsupportedURL, "only http:// URLs go through PlainHTTPTransport")
    }
    let port = UInt16(url.port ?? 80)
    let authority =
      host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]:\(port)" : "\(host):\(port)"
    let method = request.httpMethod ?? "GET"
    let head = Self.head(of: request, method: method, target: Self.target(of: url), host: authority)
    let body = request.httpBody ?? Data()
    reusing: while let reused = idle.withLock({ $0[authority]?.popLast() }) {
      let connection = UpstreamConnection(descriptor: reused, timeout: timeout)
      guard connection.isQuiet() else {
        connection.close()
        continue
      }
      guard inFlight?.use(connection.descriptor) ?? true else {
        finish(connection, keepingAlive: true, key: authority)
        throw URLError(.cancelled)
      }
      do throws(ExchangeFailure) {
        let answer = try connection.exchange(head: head, body: body, method: method, limits: limits)
        inFlight?.release()
        finish(connection, keepingAlive: answer.keepsAlive, key: authority)
        return answer
      } catch {
        inFlight?.release()
        connection.close()
        if inFlight?.isCancelled == true { throw URLError(.cancelled) }
        switch error {
        case .notSent:
          continue reusing
        case .lostBeforeAnswer where Self.idempotentMethods.contains(method):
          break reusing  // Once more, on a new connection.
        case .lostBeforeAnswer(let lost):
          throw .described(
            lost.code,
            "\(lost.localizedDescription), on a kept-alive connection, after the \(method) "
              + "request was written; not sent again, since \(method) is not idempotent "
              + "(RFC 9110 §9.2.2)")
        case .failed(let failure):
          throw failure
        }
      }
    }
    if inFlight?.isCancelled == true { throw URLError(.cancelled) }
    let connection = try UpstreamConnection(host: host, port: port, timeout: timeout)
    guard inFlight?.use(connection.descriptor) ?? true else {
      connection.close()
      throw URLError(.cancelled)
    }
    do throws(ExchangeFailure) {
      let answer = try connection.exchange(head: head, body: body, method: method, limits: limits)
      inFlight?.release()
      finish(connection, keepingAlive: answer.keepsAlive, key: authority)
      return answer
    } catch {
      inFlight?.release()
      connection.close()
      if inFlight?.isCancelled == true { throw URLError(.cancelled) }
      throw error.error
    }
  }

  /// The origin-form target of `url`: its path and query as they are in the URL, still
  /// percent-encoded (Foundation's `path` decodes `%2F` and drops a trailing slash).
  static func target(of url: URL) -> String {
    let path = url.path(percentEncoded: true)
    var target = path.isEmpty ? "/" : path
    if let query = url.query(percentEncoded: true) { target += "?\(query)" }
    return target
  }

  /// The methods whose requests carry `Content-Length` even when their body is empty, as
  /// URLSession's do.
  private static let methodsWithContent: Set<String> = ["POST", "PUT", "PATCH"]

  private static func head(of request: URLRequest, method: String, target: String, host: String)
    -> [UInt8]
  {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n"
    for (name, value) in request.allHTTPHeaderFields ?? [:]
    where !["host", "content-length", "connection"].contains(name.lowercased()) {
      text += "\(name): \(value)\r\n"
    }
    let length = request.httpBody?.count ?? 0
    if length > 0 || methodsWithContent.contains(method) {
      text += "Content-Length: \(length)\r\n"
    }
    text += "\r\n"
    return Array(text.utf8)
  }

  private func finish(_ connection: UpstreamConnection, keepingAlive: Bool, key: String) {
    if keepingAlive {
      idle.withLock { $0[key, default: []].append(connection.descriptor) }
    } else {
      connection.close()
    }
  }
}
