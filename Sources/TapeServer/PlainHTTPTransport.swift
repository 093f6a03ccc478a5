import Dispatch
import Foundation
import Glibc
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPTransport`` for `http://` URLs over plain keep-alive sockets, without
/// URLSession: what `tape proxy` forwards through when its upstream is a local stand-in
/// (the simulator), where URLSession's cost on Linux (about 0.9 ms a request) would be most
/// of the proxy's. HTTP/1.1, one request at a time per connection, idle connections kept
/// for reuse; bodies framed by `Content-Length`, chunked, or the end of the connection.
public final class PlainHTTPTransport: HTTPTransport, Sendable {
  private let idle = Mutex<[String: [Int32]]>([:])
  /// How long to wait for the upstream at each step.
  public let timeout: Duration

  /// A transport whose connections give up after `timeout` without progress.
  public init(timeout: Duration = .seconds(30)) {
    self.timeout = timeout
  }

  deinit {
    for descriptors in idle.withLock({ $0.values }) {
      for descriptor in descriptors { Glibc.close(descriptor) }
    }
  }

  /// Where the blocking socket calls run: a concurrent queue of its own, whose threads
  /// dispatch keeps and reuses and adds to while they block (a thread per request cost
  /// about 40 µs of `pthread_create` each time), never the concurrency pool's.
  private static let blockingQueue = DispatchQueue(
    label: "tape.plain-http-transport", attributes: .concurrent)

  /// Sends `request` and reads its answer on ``blockingQueue`` (the socket calls block).
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    try await withCheckedThrowingContinuation {
      (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
      Self.blockingQueue.async {
        continuation.resume(with: Result { try self.sendBlocking(request) })
      }
    }
  }

  /// Sends `request` and reads its answer on the calling thread, which blocks meanwhile:
  /// for callers on threads of their own (a LoopbackHTTP blocking handler), never on the
  /// concurrency pool.
  public func sendBlocking(_ request: URLRequest) throws -> (Data, HTTPURLResponse) {
    let answer = try answerBlocking(request)
    return (answer.body, try answer.response(to: request))
  }

  /// Sends `request` and reads its answer on the calling thread, without making an
  /// `HTTPURLResponse` (the proxy answers its client from this, and makes one afterwards
  /// for the recorder).
  func answerBlocking(_ request: URLRequest) throws -> UpstreamAnswer {
    guard let url = request.url, url.scheme?.lowercased() == "http", let host = url.host else {
      throw URLError(.unsupportedURL)
    }
    let port = UInt16(url.port ?? 80)
    let key = "\(host):\(port)"
    return try exchange(
      head: Self.head(of: request, url: url, host: key), body: request.httpBody ?? Data(),
      host: host, port: port, key: key, method: request.httpMethod ?? "GET")
  }

  private static func head(of request: URLRequest, url: URL, host: String) -> [UInt8] {
    var target = url.path.isEmpty ? "/" : url.path
    if let query = url.query { target += "?\(query)" }
    var lines = ["\(request.httpMethod ?? "GET") \(target) HTTP/1.1", "Host: \(host)"]
    for (name, value) in request.allHTTPHeaderFields ?? [:]
    where !["host", "content-length", "connection"].contains(name.lowercased()) {
      lines.append("\(name): \(value)")
    }
    lines.append("Content-Length: \(request.httpBody?.count ?? 0)")
    return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
  }

  /// One exchange on a reused connection, or on a new one when a reused one turns out closed.
  private func exchange(
    head: [UInt8], body: Data, host: String, port: UInt16, key: String, method: String
  ) throws -> UpstreamAnswer {
    if let reused = idle.withLock({ $0[key]?.popLast() }) {
      var connection = UpstreamConnection(descriptor: reused, timeout: timeout)
      if let answer = try? connection.exchange(head: head, body: body, method: method) {
        finish(connection, answer: answer, key: key)
        return answer
      }
      connection.close()
    }
    var connection = try UpstreamConnection(host: host, port: port, timeout: timeout)
    do {
      let answer = try connection.exchange(head: head, body: body, method: method)
      finish(connection, answer: answer, key: key)
      return answer
    } catch {
      connection.close()
      throw error
    }
  }

  private func finish(_ connection: UpstreamConnection, answer: UpstreamAnswer, key: String) {
    if answer.keepsAlive {
      idle.withLock { $0[key, default: []].append(connection.descriptor) }
    } else {
      connection.close()
    }
  }
}
