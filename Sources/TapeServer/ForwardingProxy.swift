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
    let server = try HTTPServer.start(configuration: HTTPServerConfiguration(port: port)) {
      request in
      let outgoing = forwarded(request, to: upstream)
      if let player {
        do {
          let (body, response) = try await player.respond(to: outgoing)
          return HTTPResponse(
            status: response.statusCode, headers: answerHeaders(headerFields(of: response)),
            body: body)
        } catch let failure as ReplayFailure where failure.kind == .unmatched {
          // Not in the cassette: forwarded and recorded below.
        } catch {
          return .text("tape proxy: the cassette cannot answer: \(error)\n", status: 502)
        }
      }
      do {
        var sent = outgoing
        try prepare(&sent)
        let (slot, offset) = recorder.begin()
        let (body, response) = try await transport.send(sent)
        // Kept as the client sent it; the recorder redacts before it keeps anything.
        recorder.complete(
          slot: slot, request: outgoing, response: response, body: body, offset: offset)
        return HTTPResponse(
          status: response.statusCode, headers: answerHeaders(headerFields(of: response)),
          body: body)
      } catch {
        return .text(
          "tape proxy: the upstream \(upstream.absoluteString) did not answer: \(error)\n",
          status: 502)
      }
    }
    return ForwardingProxy(upstream: upstream, recorder: recorder, server: server)
  }

  /// Stops accepting, finishes what is in flight.
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
    for field in request.headers where !hopByHop.contains(field.name.lowercased()) {
      outgoing.addValue(field.value, forHTTPHeaderField: field.name)
    }
    if !request.body.isEmpty { outgoing.httpBody = request.body }
    return outgoing
  }

  private static func answerHeaders(_ fields: HeaderFields) -> HTTPHeaders {
    var headers = HTTPHeaders()
    for field in fields where !hopByHop.contains(field.name.lowercased()) {
      headers.add(name: field.name, value: field.value)
    }
    return headers
  }

  private static func headerFields(of response: HTTPURLResponse) -> HeaderFields {
    var fields: [HeaderFields.Field] = []
    for (name, value) in response.allHeaderFields {
      guard let name = name as? String, let value = value as? String,
        !hopByHop.contains(name.lowercased())
      else { continue }
      fields.append(HeaderFields.Field(name, value))
    }
    return HeaderFields(fields)
  }
}
