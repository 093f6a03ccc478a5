import CloudProgress
import Foundation
import LoopbackHTTP
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Generated polling sessions served over HTTP on 127.0.0.1, for a poller in any language,
/// judged from the server's side: on real time, each session starts at its first request
/// and is judged once its poller has no request in flight and has been quiet for longer
/// than it may wait (or at ``stop()``).
///
/// A poller picks its session by the task id it polls: `fuzz-<n>` for session n (the
/// project id for CPTS), on any of the five operations' paths; `POST /v3/auth/tokens`
/// answers a new token, which belongs to the session whose poll first carries it (logged
/// there as a sign-in at the time it was issued, so renewing an expired token works). From the server's side the conclusion is what the poller last saw: an
/// answer that showed the end is taken as read right; stopping on anything else is giving
/// up there, which the oracles judge (stopping on unknown, giving up on a running task).
///
/// Over the wire a dropped connection, and a body cut partway, are answered 502 with
/// `Connection: close` (LoopbackHTTP frames every body whole): both still read as failed
/// polls.
public final class SessionServer: Sendable {
  /// What a session's poller is doing, on the server's time.
  private struct Activity {
    /// Requests received and not yet answered.
    var inFlight = 0
    /// When the last request came in or was answered.
    var last: Duration
    /// The wait the last answer asked for (its `Retry-After`).
    var askedWait: Duration = .zero
  }

  /// One session's state.
  private final class Slot: Sendable {
    let index: Int
    let session: PollingSession
    let log: ExchangeLog
    let transport: SessionTransport
    /// When the session started, on the server's time.
    let start: Duration
    let activity: Mutex<Activity>
    let judged = Mutex(false)

    init(
      index: Int, session: PollingSession, expectations: Expectations, start: Duration,
      time: ServerTime
    ) {
      self.index = index
      self.session = session
      self.start = start
      log = ExchangeLog(expectations: expectations)
      let elapsed = time.elapsed
      transport = SessionTransport(
        session: session, elapsed: { elapsed() - start }, sleep: time.sleep,
        startDate: time.startDate.addingTimeInterval(Double(milliseconds(start)) / 1000), log: log,
        parksWhenEnded: false)
      activity = Mutex(Activity(last: start))
    }
  }

  /// The server's time line: real by default, a manual one in tests.
  private struct ServerTime: Sendable {
    let elapsed: @Sendable () -> Duration
    let sleep: @Sendable (Duration) async throws -> Void
    let startDate: Date
  }

  /// Sign-ins not yet seen on a poll: a token belongs to the session whose poll first
  /// carries it, and is logged there as an identity exchange at the time it was issued.
  private struct SignIns {
    var issued = 0
    var pending: [Int: Duration] = [:]
  }

  /// The quiet time after which a session is judged by default: the longest wait a
  /// generated session asks for (``SessionGenerator/longestWait``), so a poller honouring it
  /// is never judged while it waits.
  public static let defaultQuiet = SessionGenerator.longestWait

  /// The sessions served, by index (task id `fuzz-<index>`).
  public let sessions: [PollingSession]
  /// What the pollers are held to.
  public let expectations: Expectations
  /// How long a quiet session waits before it is judged (longer when its last answer asked
  /// for a longer wait).
  public let quietAfter: Duration
  private let time: ServerTime
  private let slots: Mutex<[Int: Slot]> = Mutex([:])
  private let signIns = Mutex(SignIns())
  private let verdicts = Mutex<[Int: Verdict]>([:])
  private let onVerdict: @Sendable (Verdict) -> Void
  private let server: Mutex<HTTPServer?> = Mutex(nil)
  private let monitor: Mutex<Task<Void, Never>?> = Mutex(nil)

  /// The server's address, such as `http://127.0.0.1:49152`.
  public var baseURL: URL { server.withLock { $0?.baseURL } ?? URL(string: "http://127.0.0.1")! }

  private init(
    sessions: [PollingSession], expectations: Expectations, quietAfter: Duration,
    time: ServerTime, onVerdict: @escaping @Sendable (Verdict) -> Void
  ) {
    self.sessions = sessions
    self.expectations = expectations
    self.quietAfter = quietAfter
    self.time = time
    self.onVerdict = onVerdict
  }

  /// Serves `sessions` on `port` (0 for any free one) until ``stop()``; `onVerdict` gets
  /// each session's verdict as it is judged.
  ///
  /// A session is judged once no request of its poller is in flight and it has been quiet
  /// for `quietAfter`, or for the wait its last answer asked for when that is longer.
  ///
  /// - Parameters:
  ///   - elapsed: the server's time since it started; the real time by default. A test
  ///     passes a manual clock's, with its `sleep`, and calls ``judgeDueSessions()``.
  ///   - sleep: waits on that time (slow answers, and the check for quiet sessions).
  ///   - startDate: the date of the server's start (`Date` headers count from it); now by
  ///     default.
  public static func start(
    sessions: [PollingSession], expectations: Expectations = Expectations(), port: UInt16 = 0,
    quietAfter: Duration = defaultQuiet, elapsed: (@Sendable () -> Duration)? = nil,
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
    startDate: Date = Date(), onVerdict: @escaping @Sendable (Verdict) -> Void = { _ in }
  ) throws -> SessionServer {
    let realStart = ContinuousClock.now
    let served = SessionServer(
      sessions: sessions, expectations: expectations, quietAfter: quietAfter,
      time: ServerTime(
        elapsed: elapsed ?? { ContinuousClock.now - realStart }, sleep: sleep,
        startDate: startDate),
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
          try? await sleep(.milliseconds(200))
          served.judgeDueSessions()
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
    for slot in orderedSlots { judge(slot) }
    return judged
  }

  /// The verdicts so far, by session.
  public var judged: [Verdict] {
    verdicts.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
  }

  /// The sessions never polled so far, by index.
  public var neverPolled: [Int] {
    let polled = slots.withLock { Set($0.keys) }
    return sessions.indices.filter { !polled.contains($0) }
  }

  private var orderedSlots: [Slot] {
    slots.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
  }

  private func answer(_ request: HTTPRequest) async -> HTTPResponse {
    if IdentityRequest.matches(method: request.method, path: request.path) {
      let issuedAt = time.elapsed()
      let token = signIns.withLock { signIns in
        signIns.issued += 1
        signIns.pending[signIns.issued] = issuedAt
        return signIns.issued
      }
      let (body, fields) = SessionTransport.identityAnswer(
        token: token, at: time.startDate.addingTimeInterval(Double(milliseconds(issuedAt)) / 1000))
      return HTTPResponse(status: 201, headers: Self.headers(fields), body: body)
    }
    guard let index = Self.sessionIndex(in: request.target), sessions.indices.contains(index)
    else {
      return HTTPResponse(
        status: 404, headers: ["Content-Type": "text/plain"],
        body: Data(
          "poll a task id fuzz-0 ... fuzz-\(sessions.count - 1) (the project id for cpts)\n".utf8))
    }
    let now = time.elapsed()
    // A token this poll is the first to carry was issued for this session.
    let signIn = request.headers["X-Auth-Token"].flatMap(SessionTransport.tokenNumber).flatMap {
      number in signIns.withLock { $0.pending.removeValue(forKey: number) }
    }
    let slot = slots.withLock { slots in
      if let slot = slots[index] { return slot }
      let slot = Slot(
        index: index, session: sessions[index], expectations: expectations,
        start: min(now, signIn ?? now), time: time)
      slots[index] = slot
      return slot
    }
    if slot.judged.withLock({ $0 }) {
      return HTTPResponse(status: 410, body: Data("session \(index) was judged\n".utf8))
    }
    if let signIn {
      let at = max(.zero, signIn - slot.start)
      slot.log.append(
        Exchange(
          kind: .identity, poll: nil, sentAt: at, answeredAt: at, status: 201,
          truth: slot.session.truth.phase(at: milliseconds(at))))
    }
    slot.activity.withLock { activity in
      activity.inFlight += 1
      activity.last = now
    }
    var urlRequest = URLRequest(url: baseURL.appending(path: request.path))
    urlRequest.httpMethod = request.method
    for field in request.headers {
      urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
    }
    let response: HTTPResponse
    do {
      let (body, answer) = try await slot.transport.send(urlRequest)
      var fields: [String: String] = [:]
      for (name, value) in answer.allHeaderFields {
        guard let name = name as? String, let value = value as? String,
          name.lowercased() != "content-length"
        else { continue }
        fields[name] = value
      }
      response = HTTPResponse(status: answer.statusCode, headers: Self.headers(fields), body: body)
    } catch {
      response = HTTPResponse(status: 502, headers: ["Connection": "close"])
    }
    let askedWait = slot.log.exchanges.last { $0.kind == .poll }?.retryAfter ?? .zero
    let answeredAt = time.elapsed()
    slot.activity.withLock { activity in
      activity.inFlight -= 1
      activity.last = answeredAt
      activity.askedWait = askedWait
    }
    return response
  }

  /// `fields` in the order of their names (a dictionary has none).
  private static func headers(_ fields: [String: String]) -> HTTPHeaders {
    var headers = HTTPHeaders()
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) { headers[name] = value }
    return headers
  }

  /// Judges the sessions that are due: no request in flight and quiet for ``quietAfter``
  /// (or the wait the last answer asked for, when longer), or ended (a hang, cut short).
  /// The server does this every 200 ms of its time; a test on a manual clock calls it.
  public func judgeDueSessions() {
    let now = time.elapsed()
    for slot in orderedSlots {
      let quiet = slot.activity.withLock { activity in
        activity.inFlight == 0 && now - activity.last > max(quietAfter, activity.askedWait)
      }
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
