import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A reverse proxy on 127.0.0.1 that forwards every request to one upstream and records
/// each exchange with a `CassetteRecorder` (`tape proxy`): any client, in any language,
/// records by pointing its endpoint at the proxy, with the recorder's redaction, ordering,
/// repeat folding and secret scan.
public final class ForwardingProxy: Sendable {
  /// Where the requests go, such as `https://codearts-check.cn-north-4.myhuaweicloud.com`.
  public let upstream: URL
  /// What the exchanges are recorded into.
  public let recorder: CassetteRecorder
  private let server: HTTPServer

  /// Where clients send their requests.
  public var baseURL: URL { server.baseURL }

  private init(upstream: URL, recorder: CassetteRecorder, server: HTTPServer) {
    self.upstream = upstream
    self.recorder = recorder
    self.server = server
  }

  /// Starts forwarding to `upstream` through `transport`, listening on `port` (0 picks one).
  /// With a `player`, a request its cassette answers is replayed, and only the others are
  /// forwarded and kept (new episodes). `prepare` changes each upstream request before it
  /// goes (re-signing it for the upstream's host, say); the request is recorded as the
  /// client sent it.
  public static func start(
    upstream: URL, port: UInt16 = 0, transport: any HTTPTransport,
    recorder: CassetteRecorder = CassetteRecorder(), replaying player: CassettePlayer? = nil,
    prepare: @escaping @Sendable (inout URLRequest) throws -> Void = { _ in }
  ) throws(HTTPServerError) -> ForwardingProxy {
    let configuration = HTTPServerConfiguration(port: port)
    let server: HTTPServer
    if player == nil, let plain = transport as? PlainHTTPTransport {
      // Plain HTTP upstream, nothing to replay: answer on the connection's own thread,
      // blocking on the upstream there, with no hop to another thread and back.
      // At most a few exchanges at once: a hundred connection threads all runnable on two
      // cores spend their time switching (64 clients: half the throughput).
      let turns = DispatchSemaphore(value: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
      server = try HTTPServer.start(configuration: configuration) {
        (request: HTTPRequest) -> HTTPResponse in
        turns.wait()
        defer { turns.signal() }
        let outgoing = forwarded(request, to: upstream)
        let (slot, offset) = recorder.begin()
        do {
          var sent = outgoing
          try prepare(&sent)
          let upstreamAnswer = try plain.answerBlocking(sent)
          let requested = sent
          return answer(upstreamAnswer.status, upstreamAnswer.headers, upstreamAnswer.body) {
            // The HTTPURLResponse the recorder takes is made after the answer has gone back.
            // Cannot fail: the request had the URL it was sent to.
            guard let response = try? upstreamAnswer.response(to: requested) else { return }
            recorder.complete(
              slot: slot, request: outgoing, response: response, body: upstreamAnswer.body,
              offset: offset)
          }
        } catch {
          return upstreamFailed(upstream, error)
        }
      }
    } else {
      server = try HTTPServer.start(configuration: configuration) { request in
        let outgoing = forwarded(request, to: upstream)
        if let player {
          do {
            let (body, response) = try await player.respond(to: outgoing)
            return answer(body, response)
          } catch let failure as ReplayFailure where failure.kind == .unmatched {
            // Not in the cassette: forwarded and recorded below.
          } catch {
            return .text("tape proxy: the cassette cannot answer: \(error)\n", status: 502)
          }
        }
        let (slot, offset) = recorder.begin()
        do {
          var sent = outgoing
          try prepare(&sent)
          let (body, response) = try await transport.send(sent)
          return answer(body, response) {
            recorder.complete(
              slot: slot, request: outgoing, response: response, body: body, offset: offset)
          }
        } catch {
          return upstreamFailed(upstream, error)
        }
      }
    }
    return ForwardingProxy(upstream: upstream, recorder: recorder, server: server)
  }

  /// The client's answer from a Foundation response (replayed or forwarded).
  private static func answer(
    _ body: Data, _ response: HTTPURLResponse, then keep: (@Sendable () -> Void)? = nil
  ) -> HTTPResponse {
    let fields = response.allHeaderFields.compactMap { name, value in
      (name as? String).flatMap { name in (value as? String).map { (key: name, value: $0) } }
    }
    return answer(response.statusCode, fields, body, then: keep)
  }

  /// The client's answer: the upstream's status, headers (less hop-by-hop ones) and body.
  /// `keep` (recording the exchange) runs once the answer has gone back, on the
  /// connection's thread: the client does not wait for it, no other thread is woken for it
  /// (handing it to a queue cost the answer about 30 µs), and `stop()` waits for it.
  private static func answer(
    _ status: Int, _ fields: some Sequence<(key: String, value: String)>, _ body: Data,
    then keep: (@Sendable () -> Void)?
  ) -> HTTPResponse {
    var headers = HTTPHeaders()
    for (name, value) in fields where !hopByHop.contains(name.lowercased()) {
      headers.add(name: name, value: value)
    }
    var answer = HTTPResponse(status: status, headers: headers, body: body)
    answer.afterSending = keep
    return answer
  }

  /// The client's answer when the upstream could not be reached or did not answer.
  private static func upstreamFailed(_ upstream: URL, _ error: any Error) -> HTTPResponse {
    .text(
      "tape proxy: the upstream \(upstream.absoluteString) did not answer: \(error)\n",
      status: 502)
  }

  /// Stops accepting, finishes what is in flight, and waits until every answered exchange
  /// is in the recorder (each is kept on its connection's thread, which the server's stop
  /// waits for).
  public func stop() async {
    await server.stop()
  }

  /// Headers that belong to one connection, never forwarded or recorded as the answer's.
  static let hopByHop: Set<String> = [
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te",
    "trailer", "content-length", "host", "content-encoding",
  ]

  /// The upstream request: the same method, target, headers (less hop-by-hop ones) and body.
  static func forwarded(_ request: HTTPRequest, to upstream: URL) -> URLRequest {
    var base = upstream.absoluteString
    if base.hasSuffix("/") { base.removeLast() }
    let url = URL(string: base + request.target) ?? upstream
    var outgoing = URLRequest(url: url)
    outgoing.httpMethod = request.method
    // Set at once: adding them one by one was a tenth of the proxy's time.
    var fields: [String: String] = [:]
    var names: [String: String] = [:]  // lower-cased name: the first spelling seen
    for field in request.headers {
      let key = field.name.lowercased()
      guard !hopByHop.contains(key) else { continue }
      if let name = names[key] {
        fields[name, default: ""] += "," + field.value
      } else {
        names[key] = field.name
        fields[field.name] = field.value
      }
    }
    outgoing.allHTTPHeaderFields = fields
    if !request.body.isEmpty { outgoing.httpBody = request.body }
    return outgoing
  }
}
