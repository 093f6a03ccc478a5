import CloudProgress
import Foundation
import LoopbackHTTP
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Generated polling sessions served over HTTP on 127.0.0.1, for a poller in any language,
/// judged from the server's side: on real time, each session starts at its first request
/// and is judged once its poller has been quiet for a while (or at ``stop()``).
///
/// A poller picks its session by the task id it polls: `fuzz-<n>` for session n (the
/// project id for CPTS), on any of the five operations' paths; `POST /v3/auth/tokens`
/// answers a token. From the server's side the conclusion is what the poller last saw: an
/// answer that showed the end is taken as read right; stopping on anything else is giving
/// up there, which the oracles judge (stopping on unknown, giving up on a running task).
///
/// Over the wire a dropped connection, and a body cut partway, are answered 502 with
/// `Connection: close` (LoopbackHTTP frames every body whole): both still read as failed
/// polls.
public final class SessionServer: Sendable {
  /// One session's state.
  private final class Slot: Sendable {
    let index: Int
    let session: PollingSession
    let log: ExchangeLog
    let transport: SessionTransport
    let lastActivity: Mutex<ContinuousClock.Instant>
    let judged = Mutex(false)

    init(index: Int, session: PollingSession, expectations: Expectations) {
      self.index = index
      self.session = session
      log = ExchangeLog(expectations: expectations)
      let start = ContinuousClock.now
      transport = SessionTransport(
        session: session, elapsed: { ContinuousClock.now - start },
        sleep: { duration in try await Task.sleep(for: duration) },
        startDate: Date(), log: log, parksWhenEnded: false)
      lastActivity = Mutex(start)
    }
  }

  /// The sessions served, by index (task id `fuzz-<index>`).
  public let sessions: [PollingSession]
  /// What the pollers are held to.
  public let expectations: Expectations
  /// How long a quiet session waits before it is judged.
  public let quietAfter: Duration
  private let slots: Mutex<[Int: Slot]> = Mutex([:])
  private let verdicts = Mutex<[Int: Verdict]>([:])
  private let onVerdict: @Sendable (Verdict) -> Void
  private let server: Mutex<HTTPServer?> = Mutex(nil)
  private let monitor: Mutex<Task<Void, Never>?> = Mutex(nil)

  /// The server's address, such as `http://127.0.0.1:49152`.
  public var baseURL: URL { server.withLock { $0?.baseURL } ?? URL(string: "http://127.0.0.1")! }

  private init(
    sessions: [PollingSession], expectations: Expectations, quietAfter: Duration,
    onVerdict: @escaping @Sendable (Verdict) -> Void
  ) {
    self.sessions = sessions
    self.expectations = expectations
    self.quietAfter = quietAfter
    self.onVerdict = onVerdict
  }

  /// Serves `sessions` on `port` (0 for any free one) until ``stop()``; `onVerdict` gets
  /// each session's verdict as it is judged.
  public static func start(
    sessions: [PollingSession], expectations: Expectations = Expectations(), port: UInt16 = 0,
    quietAfter: Duration = .seconds(10),
    onVerdict: @escaping @Sendable (Verdict) -> Void = { _ in }
  ) throws -> SessionServer {
    let served = SessionServer(
      sessions: sessions, expectations: expectations, quietAfter: quietAfter,
      onVerdict: onVerdict)
    var configuration = HTTPServerConfiguration()
    configuration.port = port
    let server = try HTTPServer.start(configuration: configuration) { request in
      await served.answer(request)
    }
    served.server.withLock { $0 = server }
    served.monitor.withLock {
      $0 = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .milliseconds(200))
          served.judgeQuietSessions()
        }
      }
    }
    return served
  }

  /// The task id that selects session `index`.
  public static func taskID(_ index: Int) -> String { "fuzz-\(index)" }

  /// Judges every session polled and not yet judged, stops serving, and returns every
  /// verdict, by session.
  public func stop() async -> [Verdict] {
    monitor.withLock { $0 }?.cancel()
    let running = server.withLock { $0 }
    await running?.stop()
    for (_, slot) in slots.withLock({ $0 }) { judge(slot) }
    return verdicts.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
  }

  /// The verdicts so far, by session.
  public var judged: [Verdict] {
    verdicts.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
  }

  private func answer(_ request: HTTPRequest) async -> HTTPResponse {
    if request.method == "POST", request.path.hasSuffix("/v3/auth/tokens") {
      return HTTPResponse(
        status: 201,
        headers: ["Content-Type": "application/json", "X-Subject-Token": "fuzz-token-1"],
        body: Data(#"{"token":{"methods":["password"]}}"#.utf8))
    }
    guard let index = Self.sessionIndex(in: request.target), sessions.indices.contains(index)
    else {
      return HTTPResponse(
        status: 404, headers: ["Content-Type": "text/plain"],
        body: Data(
          "poll a task id fuzz-0 ... fuzz-\(sessions.count - 1) (the project id for cpts)\n".utf8))
    }
    let slot = slots.withLock { slots in
      if let slot = slots[index] { return slot }
      let slot = Slot(index: index, session: sessions[index], expectations: expectations)
      slots[index] = slot
      return slot
    }
    if slot.judged.withLock({ $0 }) {
      return HTTPResponse(status: 410, body: Data("session \(index) was judged\n".utf8))
    }
    var urlRequest = URLRequest(url: baseURL.appending(path: request.path))
    urlRequest.httpMethod = request.method
    for field in request.headers {
      urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
    }
    defer { slot.lastActivity.withLock { $0 = .now } }
    do {
      let (body, response) = try await slot.transport.send(urlRequest)
      var headers = HTTPHeaders()
      for (name, value) in response.allHeaderFields {
        guard let name = name as? String, let value = value as? String,
          name.lowercased() != "content-length"
        else { continue }
        headers[name] = value
      }
      return HTTPResponse(status: response.statusCode, headers: headers, body: body)
    } catch {
      return HTTPResponse(status: 502, headers: ["Connection": "close"])
    }
  }

  /// Judges the sessions whose pollers have been quiet for ``quietAfter``, or that ended.
  private func judgeQuietSessions() {
    let now = ContinuousClock.now
    for (_, slot) in slots.withLock({ $0 }) {
      let quiet = now - slot.lastActivity.withLock { $0 } > quietAfter
      if quiet || slot.log.hang != nil || slot.log.cutShort != nil { judge(slot) }
    }
  }

  private func judge(_ slot: Slot) {
    let first = slot.judged.withLock { judged in
      defer { judged = true }
      return !judged
    }
    guard first else { return }
    let exchanges = slot.log.exchanges
    let polls = exchanges.filter { $0.kind == .poll }
    var conclusion: Conclusion?
    var concludedAt: Duration?
    if slot.log.hang == nil, slot.log.cutShort == nil, let last = polls.last {
      // What the server can tell: the poller stopped after its last answer.
      concludedAt = last.answeredAt
      conclusion =
        last.shows?.isTerminal == true
        ? .finished(last.shows ?? .unknown) : .gaveUp("stopped polling after #\(last.poll ?? 0)")
    }
    let verdict = Verdict(
      session: slot.session, conclusion: conclusion, concludedAt: concludedAt,
      cutShort: slot.log.cutShort, exchanges: exchanges,
      violations: Judge.violations(
        exchanges: exchanges, conclusion: conclusion, concludedAt: concludedAt,
        hang: slot.log.hang, expectations: expectations))
    verdicts.withLock { $0[slot.index] = verdict }
    onVerdict(verdict)
  }

  /// The n of the first `fuzz-<n>` in `target`.
  static func sessionIndex(in target: String) -> Int? {
    guard let range = target.range(of: "fuzz-") else { return nil }
    let digits = target[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
    return Int(digits)
  }
}
