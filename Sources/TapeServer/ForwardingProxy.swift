import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A reverse proxy on 127.0.0.1 that forwards every request to one upstream and records
/// each exchange with a `CassetteRecorder` (`tape proxy`): any client, in any language,
/// records by pointing its endpoint at the proxy, with the recorder's redaction, ordering,
/// repeat folding and secret scan.
///
/// The upstream gets what the client sent: its method as spelled (methods are
/// case-sensitive), its path and query as sent (those of an absolute-form target such as
/// `GET http://host/v2/x?y=1`, which goes to the upstream all the same), its headers less
/// the hop-by-hop ones, `Expect` (the proxy has read the whole body already) and those the
/// transport sets, and its body. What cannot go as sent is refused, saying why: a target
/// that is not a URI path and query (400; Foundation's `URL` would rewrite it), a method
/// `URLRequest` would change (501: it upper-cases `get` and the other standard methods).
///
/// The client gets the upstream's answer as it came: its bytes, and its headers less the
/// hop-by-hop ones (RFC 9110 §7.6.1), `Content-Encoding` kept; nothing is re-encoded. The
/// recording stores a gzip or deflate body decoded (`decodedFrom`), so that it can be
/// redacted, scanned and compared; one that does not decode is stored as it came, and the
/// proxy says so through `warn`. A transport that decodes answers itself (URLSession, for an
/// https upstream) hands over bytes that are no longer compressed: their `Content-Encoding`
/// is dropped from the client's answer, which could not be decoded otherwise. An upstream
/// that cannot be reached, or whose answer cannot be read (malformed, cut, past the
/// transport's limits, a switch of protocols), gets the client a 502 saying why.
///
/// Every request takes one path: replayed from the cassette when there is one and it
/// answers, else forwarded (or, with ``Unmatched/notFound(report:)``, answered 404), on the
/// connection's own thread.
public final class ForwardingProxy: Sendable {
  /// What becomes of a request the cassette being replayed does not answer.
  public enum Unmatched: Sendable {
    /// Forwarded to the upstream and recorded (`newEpisodes`).
    case forwarded
    /// Answered 404 with the near-miss report, as `tape serve` does, and not forwarded
    /// (`once` with an existing cassette); `report` is told each report.
    case notFound(report: @Sendable (String) -> Void)
  }

  /// How many requests were replayed, forwarded, and answered 404 (matching nothing).
  public struct RequestCounts: Sendable, Equatable {
    /// Answered from the cassette.
    public var replayed = 0
    /// Sent to the upstream (answered or not).
    public var forwarded = 0
    /// Matched nothing in the cassette and answered 404 (``Unmatched/notFound(report:)``).
    public var unmatched = 0
  }

  /// Where the requests go, such as `https://codearts-check.cn-north-4.myhuaweicloud.com`.
  public let upstream: URL
  /// What the exchanges are recorded into.
  public let recorder: CassetteRecorder
  private let server: HTTPServer
  private let exchange: Exchange

  /// Where clients send their requests.
  public var baseURL: URL { server.baseURL }

  /// The requests so far, by what became of them.
  public var requestCounts: RequestCounts { exchange.counts.withLock { $0 } }

  private init(upstream: URL, recorder: CassetteRecorder, server: HTTPServer, exchange: Exchange) {
    self.upstream = upstream
    self.recorder = recorder
    self.server = server
    self.exchange = exchange
  }

  /// Starts forwarding to `upstream` through `transport`, listening on `port` (0 picks one).
  /// With a `player`, a request its cassette answers is replayed, and the others are
  /// forwarded and kept (new episodes), or answered 404 when `unmatched` says so.
  /// `prepare` changes each upstream request before it goes (re-signing it for the
  /// upstream's host, say); the request is recorded as the client sent it. `inspect` is
  /// shown each forwarded request as it went (after `prepare`) and the status the upstream
  /// answered, before the client gets the answer (to say why a 401 came, say): what a
  /// transport wrapping another would do, without hiding the plain transport, whose
  /// exchanges block the connection's own thread instead of hopping to others. `warn` is
  /// told (standard error by default) of each compressed answer that does not decode, which
  /// is recorded as it came. Request bodies are read up to the server's default limit
  /// (`HTTPServerConfiguration.maxBodyBytes`, 8 MiB; 413 past it), answers up to the
  /// transport's.
  public static func start(
    upstream: URL, port: UInt16 = 0, transport: any HTTPTransport,
    recorder: CassetteRecorder = CassetteRecorder(), replaying player: CassettePlayer? = nil,
    unmatched: Unmatched = .forwarded,
    prepare: @escaping @Sendable (inout URLRequest) throws -> Void = { _ in },
    inspect: @escaping @Sendable (_ sent: URLRequest, _ status: Int) -> Void = { _, _ in },
    warn: @escaping @Sendable (String) -> Void = standardError
  ) throws(HTTPServerError) -> ForwardingProxy {
    let exchange = Exchange(
      upstream: upstream, transport: transport, recorder: recorder, player: player,
      unmatched: unmatched, prepare: prepare, inspect: inspect, warn: warn)
    let server = try HTTPServer.start(configuration: HTTPServerConfiguration(port: port)) {
      (request: HTTPRequest) -> HTTPResponse in
      exchange.answer(request)
    }
    return ForwardingProxy(
      upstream: upstream, recorder: recorder, server: server, exchange: exchange)
  }

  /// What the proxy does with each request, on the connection's own thread (a blocking
  /// handler): the plain transport's exchange blocks there, with no hop to another thread
  /// and back; a replay and a URLSession exchange are awaited from there.
  private final class Exchange: Sendable {
    let upstream: URL
    let transport: any HTTPTransport
    /// The transport when it is the plain one, whose exchange blocks the calling thread.
    let plain: PlainHTTPTransport?
    let recorder: CassetteRecorder
    let player: CassettePlayer?
    let unmatched: Unmatched
    let prepare: @Sendable (inout URLRequest) throws -> Void
    let inspect: @Sendable (URLRequest, Int) -> Void
    let warn: @Sendable (String) -> Void
    let counts = Mutex(RequestCounts())
    /// At most a few plain exchanges at once: a hundred connection threads all runnable on
    /// two cores spend their time switching (64 clients: half the throughput).
    let turns = DispatchSemaphore(value: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))

    init(
      upstream: URL, transport: any HTTPTransport, recorder: CassetteRecorder,
      player: CassettePlayer?, unmatched: Unmatched,
      prepare: @escaping @Sendable (inout URLRequest) throws -> Void,
      inspect: @escaping @Sendable (URLRequest, Int) -> Void,
      warn: @escaping @Sendable (String) -> Void
    ) {
      self.upstream = upstream
      self.transport = transport
      // Plain sockets are used directly, off the concurrency pool, when they carry it all.
      self.plain =
        transport as? PlainHTTPTransport
        ?? (upstream.scheme?.lowercased() == "http" ? (transport as? DirectTransport)?.plain : nil)
      self.recorder = recorder
      self.player = player
      self.unmatched = unmatched
      self.prepare = prepare
      self.inspect = inspect
      self.warn = warn
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
      let outgoing: URLRequest
      do {
        outgoing = try ForwardingProxy.forwarded(request, to: upstream)
      } catch {
        return error.response
      }
      if let player {
        do {
          let (body, response) = try HTTPServer.awaitBlocking {
            try await player.respond(to: outgoing)
          }
          counts.withLock { $0.replayed += 1 }
          return ServedRequest.answer(body, response)
        } catch let failure as ReplayFailure {
          if case .notFound(let report) = unmatched {
            counts.withLock { $0.unmatched += 1 }
            report(failure.reportOverHTTP(cassette: player.source) + "\n")
            return failure.notFoundAnswer(cassette: player.source)
          }
          guard failure.kind == .unmatched else { return cannotAnswer(failure) }
          // Not in the cassette: forwarded and recorded below.
        } catch {
          return cannotAnswer(error)
        }
      }
      counts.withLock { $0.forwarded += 1 }
      if plain != nil { turns.wait() }
      defer { if plain != nil { turns.signal() } }
      return forward(outgoing)
    }

    private func cannotAnswer(_ error: any Error) -> HTTPResponse {
      .text("tape proxy: the cassette cannot answer: \(error)\n", status: 502)
    }

    /// Sends `outgoing` upstream and answers with what comes back; the exchange is kept
    /// once the answer has gone.
    private func forward(_ outgoing: URLRequest) -> HTTPResponse {
      let (slot, offset) = recorder.begin()
      var sent = outgoing
      let reply: Reply
      do {
        try prepare(&sent)
        if let plain {
          let answer = try plain.answerBlocking(sent)
          reply = Reply(
            status: answer.status, reasonPhrase: answer.reasonPhrase,
            fields: answer.headers.fields, body: answer.body, response: nil)
        } else {
          let request = sent
          let transport = transport
          let (body, response) = try HTTPServer.awaitBlocking {
            try await transport.send(request)
          }
          reply = Reply(
            status: response.statusCode, reasonPhrase: nil,
            fields: ServedRequest.fields(of: response),
            body: body, response: response)
        }
      } catch {
        return ForwardingProxy.upstreamFailed(upstream, error)
      }
      inspect(sent, reply.status)
      let coding = reply.fields.first { $0.name.lowercased() == "content-encoding" }?.value
      // Only a transport that decodes (URLSession) needs the body decoded before answering:
      // a non-empty body still labelled gzip or deflate that is no longer compressed.
      let early = plain == nil ? coding.map { ForwardingProxy.decoding(reply.body, $0) } : nil
      let decodedByTransport =
        !reply.body.isEmpty && coding.map(ForwardingProxy.isDecodable) == true
        && early == .notEncoded
      let (recorder, upstream, warn) = (recorder, upstream, warn)
      return ServedRequest.answer(
        reply.status, reply.reasonPhrase, reply.fields, reply.body,
        dropping: decodedByTransport ? ["content-encoding", "content-length"] : []
      ) {
        // Kept after the answer has gone back; no HTTPURLResponse is made for an answer read
        // off plain sockets (making one was most of this work).
        if let coding {
          ForwardingProxy.warnIfUndecodable(
            early ?? ForwardingProxy.decoding(reply.body, coding), coding, outgoing, upstream,
            warn)
        }
        if let response = reply.response {
          recorder.complete(
            slot: slot, request: outgoing, response: response, body: reply.body, offset: offset)
        } else {
          recorder.complete(
            slot: slot, request: outgoing, status: reply.status, headers: reply.fields,
            body: reply.body, offset: offset)
        }
      }
    }
  }

  /// What the upstream answered, from either kind of transport.
  private struct Reply: Sendable {
    var status: Int
    /// As the upstream sent it, when the transport says (the plain one does).
    var reasonPhrase: String?
    var fields: [(name: String, value: String)]
    var body: Data
    /// The answer as Foundation has it, when the transport made one (URLSession); the
    /// recorder takes `status` and `fields` otherwise.
    var response: HTTPURLResponse?
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

  /// Writes `text` to standard error: where ``start(upstream:port:transport:recorder:replaying:unmatched:prepare:inspect:warn:)``
  /// warns by default.
  public static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// The client's answer when the upstream could not be reached or did not answer, or
  /// its answer could not be read.
  private static func upstreamFailed(_ upstream: URL, _ error: any Error) -> HTTPResponse {
    let reason =
      (error as? URLError).map {
        $0.userInfo[NSLocalizedDescriptionKey] as? String ?? "\($0.code) (\($0.code.rawValue))"
      } ?? "\(error)"
    return .text(
      "tape proxy: the upstream \(upstream.absoluteString) did not answer: \(reason)\n",
      status: 502)
  }

  /// Stops accepting, finishes what is in flight, and waits until every answered exchange
  /// is in the recorder (each is kept on its connection's thread, which the server's stop
  /// waits for).
  public func stop() async {
    await server.stop()
  }

  /// The upstream request for `request`: see ``ServedRequest/urlRequest(for:at:as:)``.
  static func forwarded(_ request: HTTPRequest, to upstream: URL) throws(ServedRequest.Refusal)
    -> URLRequest
  {
    try ServedRequest.urlRequest(for: request, at: upstream, as: .proxy)
  }
}
