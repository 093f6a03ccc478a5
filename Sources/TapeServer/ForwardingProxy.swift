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
///
/// The client gets the upstream's answer as it came: its bytes, and its headers less the
/// hop-by-hop ones (RFC 9110 §7.6.1), `Content-Encoding` kept; nothing is re-encoded. The
/// recording stores a gzip or deflate body decoded (`decodedFrom`), so that it can be
/// redacted, scanned and compared; one that does not decode is stored as it came, and the
/// proxy says so through `warn`. A transport that decodes answers itself (URLSession, for an
/// https upstream) hands over bytes that are no longer compressed: their `Content-Encoding`
/// is dropped from the client's answer, which could not be decoded otherwise.
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
  /// client sent it. `warn` is told (standard error by default) of each compressed answer
  /// that does not decode, which is recorded as it came.
  public static func start(
    upstream: URL, port: UInt16 = 0, transport: any HTTPTransport,
    recorder: CassetteRecorder = CassetteRecorder(), replaying player: CassettePlayer? = nil,
    prepare: @escaping @Sendable (inout URLRequest) throws -> Void = { _ in },
    warn: @escaping @Sendable (String) -> Void = standardError
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
            let coding = upstreamAnswer.headers.first { $0.key.lowercased() == "content-encoding" }
            if let coding = coding?.value {
              warnIfUndecodable(
                decoding(upstreamAnswer.body, coding), coding, outgoing, upstream, warn)
            }
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
          let coding = response.value(forHTTPHeaderField: "Content-Encoding")
          let outcome = coding.map { decoding(body, $0) } ?? .notEncoded
          // A non-empty body still labelled gzip or deflate that is no longer compressed: the
          // transport decoded it (URLSession does).
          let decodedByTransport =
            !body.isEmpty && coding.map(isDecodable) == true && outcome == .notEncoded
          return answer(body, response, decodedByTransport: decodedByTransport) {
            if let coding { warnIfUndecodable(outcome, coding, outgoing, upstream, warn) }
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

  /// The client's answer from a Foundation response (replayed or forwarded); when the
  /// transport decoded the body, without its `Content-Encoding` and `Content-Length`, which
  /// describe the compressed bytes (the server sets the length of those it sends).
  private static func answer(
    _ body: Data, _ response: HTTPURLResponse, decodedByTransport: Bool = false,
    then keep: (@Sendable () -> Void)? = nil
  ) -> HTTPResponse {
    let fields = response.allHeaderFields.compactMap { name, value in
      (name as? String).flatMap { name in (value as? String).map { (key: name, value: $0) } }
    }
    return answer(
      response.statusCode, fields, body,
      dropping: decodedByTransport ? ["content-encoding", "content-length"] : [], then: keep)
  }

  /// The client's answer: the upstream's status, headers (less hop-by-hop ones and
  /// `dropping`) and body. `Content-Length` stays: the server sends the length of the bytes
  /// it sends (which are the upstream's), and a HEAD answer keeps the upstream's.
  /// `keep` (recording the exchange) runs once the answer has gone back, on the
  /// connection's thread: the client does not wait for it, no other thread is woken for it
  /// (handing it to a queue cost the answer about 30 µs), and `stop()` waits for it.
  private static func answer(
    _ status: Int, _ fields: some Collection<(key: String, value: String)>, _ body: Data,
    dropping: Set<String> = [], then keep: (@Sendable () -> Void)?
  ) -> HTTPResponse {
    var dropped = dropping.isEmpty ? hopByHop : hopByHop.union(dropping)
    addConnectionOptions(of: fields.lazy.map { ($0.key, $0.value) }, to: &dropped)
    var headers = HTTPHeaders()
    for (name, value) in fields where !dropped.contains(name.lowercased()) {
      headers.add(name: name, value: value)
    }
    var answer = HTTPResponse(status: status, headers: headers, body: body)
    answer.afterSending = keep
    return answer
  }

  /// Whether `coding` names one ``ContentDecoding`` decodes.
  private static func isDecodable(_ coding: String) -> Bool {
    ContentDecoding.decodable.contains(coding.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// What `body`, labelled `coding`, turns out to be (`.notEncoded` for codings not
  /// decoded).
  private static func decoding(_ body: Data, _ coding: String) -> ContentDecoding.Outcome {
    isDecodable(coding) ? ContentDecoding.decode(body, coding: coding) : .notEncoded
  }

  /// Tells `warn` that the answer to `request` is recorded as it came, when it does not
  /// decode: the coding, the request's method and path, and the decoding error.
  private static func warnIfUndecodable(
    _ outcome: ContentDecoding.Outcome, _ coding: String, _ request: URLRequest, _ upstream: URL,
    _ warn: @Sendable (String) -> Void
  ) {
    guard case .undecodable(let error) = outcome else { return }
    // The path only: a query may carry a credential.
    let target = request.url?.path ?? "/"
    warn(
      "tape proxy: the \(coding.trimmingCharacters(in: .whitespaces)) answer to "
        + "\(request.httpMethod ?? "GET") \(target) from \(upstream.absoluteString) does not "
        + "decode (\(error)); recorded as it came, with its Content-Encoding\n")
  }

  /// Writes `text` to standard error: where ``start(upstream:port:transport:recorder:replaying:prepare:warn:)``
  /// warns by default.
  public static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
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

  /// The headers that belong to one connection, never forwarded (RFC 9110 §7.6.1), and
  /// `Trailer`, which announces trailer fields of a chunked body that is forwarded whole.
  static let hopByHop: Set<String> = [
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te",
    "trailer",
  ]

  /// The request headers the transport sets for the upstream, not hop-by-hop but never
  /// forwarded as the client sent them: `Host` (the upstream's authority) and
  /// `Content-Length` (the length of the body actually sent).
  static let setByTransport: Set<String> = ["host", "content-length"]

  /// ``hopByHop`` and ``setByTransport``: the request headers never forwarded as they came.
  private static let notForwarded = hopByHop.union(setByTransport)

  /// Adds to `names` the lower-cased names the `Connection` fields among `fields` list
  /// (which are hop-by-hop too); nothing is copied when there are none.
  static func addConnectionOptions(
    of fields: some Sequence<(String, String)>, to names: inout Set<String>
  ) {
    for (name, value) in fields where name.utf8.count == 10 && name.lowercased() == "connection" {
      for option in value.split(separator: ",") {
        let option = option.trimmingCharacters(in: .whitespaces).lowercased()
        if !option.isEmpty { names.insert(option) }
      }
    }
  }

  /// The upstream request: the same method, target, headers (less hop-by-hop ones, and
  /// those the transport sets) and body.
  static func forwarded(_ request: HTTPRequest, to upstream: URL) -> URLRequest {
    var base = upstream.absoluteString
    if base.hasSuffix("/") { base.removeLast() }
    let url = URL(string: base + request.target) ?? upstream
    var outgoing = URLRequest(url: url)
    outgoing.httpMethod = request.method
    // Set at once: adding them one by one was a tenth of the proxy's time.
    var fields: [String: String] = [:]
    var names: [String: String] = [:]  // lower-cased name: the first spelling seen
    var dropped = notForwarded
    addConnectionOptions(of: request.headers.lazy.map { ($0.name, $0.value) }, to: &dropped)
    for field in request.headers {
      let key = field.name.lowercased()
      guard !dropped.contains(key) else { continue }
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
