import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A reverse proxy on 127.0.0.1 that forwards every request to one upstream and keeps each
/// exchange as an ``Interaction`` (`tape proxy`): any client, in any language, records by
/// pointing its endpoint at the proxy.
public final class ForwardingProxy: Sendable {
  /// Where the requests go, such as `https://codearts-check.cn-north-4.myhuaweicloud.com`.
  public let upstream: URL
  private let server: HTTPServer
  private let exchanges: ExchangeLog

  /// Where clients send their requests.
  public var baseURL: URL { server.baseURL }

  private init(upstream: URL, server: HTTPServer, exchanges: ExchangeLog) {
    self.upstream = upstream
    self.server = server
    self.exchanges = exchanges
  }

  /// The exchanges so far, in the order their answers came.
  public var interactions: [Interaction] { exchanges.items.withLock { $0 } }

  /// Starts forwarding to `upstream` through `transport`, listening on `port` (0 picks one).
  /// With a `player`, a request its cassette answers is replayed, and only the others are
  /// forwarded and kept (new episodes). `prepare` changes each upstream request before it
  /// goes (re-signing it for the upstream's host, say); the request is recorded as the
  /// client sent it.
  public static func start(
    upstream: URL, port: UInt16 = 0, transport: any HTTPTransport,
    replaying player: CassettePlayer? = nil, clock: ContinuousClock = ContinuousClock(),
    prepare: @escaping @Sendable (inout URLRequest) throws -> Void = { _ in }
  ) throws(HTTPServerError) -> ForwardingProxy {
    let exchanges = ExchangeLog()
    let start = clock.now
    let server = try HTTPServer.start(configuration: HTTPServerConfiguration(port: port)) {
      request in
      let arrival = clock.now
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
        let (body, response) = try await transport.send(sent)
        let recorded = Interaction(
          request: RecordedRequest(
            method: request.method, url: outgoing.url?.absoluteString ?? request.target,
            headers: HeaderFields(request.headers.map { HeaderFields.Field($0.name, $0.value) }),
            body: request.body.isEmpty
              ? nil
              : RecordedBody(data: request.body, contentType: request.headers["Content-Type"])),
          response: RecordedResponse(
            status: response.statusCode, headers: headerFields(of: response),
            body: body.isEmpty
              ? nil
              : RecordedBody(
                data: body, contentType: response.value(forHTTPHeaderField: "Content-Type"))),
          offset: arrival - start, duration: clock.now - arrival)
        exchanges.items.withLock { $0.append(recorded) }
        return HTTPResponse(
          status: response.statusCode, headers: answerHeaders(recorded.response.headers),
          body: body)
      } catch {
        return .text(
          "tape proxy: the upstream \(upstream.absoluteString) did not answer: \(error)\n",
          status: 502)
      }
    }
    return ForwardingProxy(upstream: upstream, server: server, exchanges: exchanges)
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

/// The exchanges a proxy has seen, shared with its handler.
final class ExchangeLog: Sendable {
  let items = Mutex<[Interaction]>([])
}
