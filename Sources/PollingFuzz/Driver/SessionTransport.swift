import CloudProgress
import Foundation
import HTTPTransportCore
import JSONTree
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The transport a poller gets for one generated session: answers every request from the
/// session's ground truth at the virtual time it arrives, with the session's faults and
/// twists laid over, and logs each exchange for the judge. `POST .../v3/auth/tokens` is
/// answered as IAM does (a new token in `X-Subject-Token`); every other request is a poll.
final class SessionTransport: HTTPTransport {
  private struct Tokens {
    /// The newest token IAM issued (`fuzz-token-<n>`); 0 is the one the context hands out.
    var generation = 0
    /// Tokens up to this generation have expired.
    var expiredThrough = -1
  }

  let session: PollingSession
  /// Time since the session's start.
  let elapsed: @Sendable () -> Duration
  /// Waits (a slow answer).
  let sleep: @Sendable (Duration) async throws -> Void
  let startDate: Date
  let log: ExchangeLog
  /// Whether a request after the session ended never returns (in process), or throws
  /// `URLError(.cancelled)` (a server answers it).
  let parksWhenEnded: Bool
  private let tokens = Mutex(Tokens())

  /// A transport on `clock`.
  convenience init(
    session: PollingSession, clock: VirtualClock, startDate: Date, log: ExchangeLog
  ) {
    self.init(
      session: session, elapsed: { clock.elapsed },
      sleep: { duration in try await clock.sleep(for: duration) }, startDate: startDate, log: log)
  }

  /// A transport on any time line (a server's runs on the real one).
  init(
    session: PollingSession, elapsed: @escaping @Sendable () -> Duration,
    sleep: @escaping @Sendable (Duration) async throws -> Void, startDate: Date, log: ExchangeLog,
    parksWhenEnded: Bool = true
  ) {
    self.parksWhenEnded = parksWhenEnded
    self.session = session
    self.elapsed = elapsed
    self.sleep = sleep
    self.startDate = startDate
    self.log = log
  }

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let sentAt = elapsed()
    let isIdentity = IdentityRequest.matches(
      method: request.httpMethod ?? "GET", path: request.url?.path ?? "")
    guard let poll = log.admit(at: sentAt, isPoll: !isIdentity) else {
      if parksWhenEnded { await ExchangeLog.park() }
      throw URLError(.cancelled)
    }
    if isIdentity { return identity(request, at: sentAt) }
    return try await answer(request, poll: poll, sentAt: sentAt)
  }

  private func identity(_ request: URLRequest, at sentAt: Duration) -> (Data, HTTPURLResponse) {
    let generation = tokens.withLock { tokens in
      tokens.generation += 1
      return tokens.generation
    }
    let now = startDate.addingTimeInterval(Double(milliseconds(sentAt)) / 1000)
    let (body, headers) = Self.identityAnswer(token: generation, at: now)
    log.append(
      Exchange(
        kind: .identity, poll: nil, sentAt: sentAt, answeredAt: sentAt, status: 201,
        truth: session.truth.phase(at: milliseconds(sentAt))))
    return (body, response(request, 201, headers))
  }

  /// IAM's answer to a sign-in at `now`: token `fuzz-token-<token>`, valid for a day.
  static func identityAnswer(token: Int, at now: Date) -> (Data, [String: String]) {
    let body = Data(
      JSONValue.object([
        JSONMember(
          "token",
          .object([
            JSONMember("expires_at", .string(now.addingTimeInterval(86_400).formatted(.iso8601))),
            JSONMember("issued_at", .string(now.formatted(.iso8601))),
          ]))
      ]).serialized().utf8)
    let headers = [
      "Content-Type": "application/json", "X-Subject-Token": "fuzz-token-\(token)",
      "Date": HTTPDate.format(now), "Content-Length": "\(body.count)",
    ]
    return (body, headers)
  }

  /// The number of a `fuzz-token-<n>` token; nil for any other.
  static func tokenNumber(_ token: String) -> Int? {
    token.hasPrefix("fuzz-token-") ? Int(token.dropFirst(11)) : nil
  }

  private func answer(_ request: URLRequest, poll: Int, sentAt: Duration) async throws
    -> (Data, HTTPURLResponse)
  {
    let at = milliseconds(sentAt)
    let api = session.cloudAPI
    let truth = session.truth.phase(at: at)
    var fault = session.fault(at: poll)
    let twist = session.twist(at: poll)
    var exchange = Exchange(
      kind: .poll, poll: poll, sentAt: sentAt, answeredAt: sentAt, truth: truth, fault: fault)
    var status = 200
    var body: Data
    var retryAfter: String?
    var jump = 0
    if let token = request.value(forHTTPHeaderField: "X-Auth-Token"), tokenExpired(token, fault) {
      status = 401
      body = Data(ErrorAnswers.tokenExpired(api).utf8)
      fault = .tokenExpired
    } else {
      switch fault {
      case .throttled(let form)?:
        status = 429
        body = Data(ErrorAnswers.throttled.utf8)
        switch form {
        case .seconds(let seconds): retryAfter = "\(seconds)"
        case .httpDate(let ahead):
          let due = startDate.addingTimeInterval(Double(at) / 1000 + Double(ahead))
            .timeIntervalSince1970
          retryAfter = HTTPDate.format(Date(timeIntervalSince1970: due.rounded(.up)))
        case .absent: break
        }
      case .serverError(let code, let seconds)?:
        status = code
        body = Data(ErrorAnswers.serverError(code).utf8)
        retryAfter = seconds.map { "\($0)" }
      case .notImplemented?:
        status = 501
        body = Data(ErrorAnswers.notImplemented(api).utf8)
      case .forbidden?:
        status = 403
        body = Data(ErrorAnswers.forbidden.utf8)
      case .droppedConnection?:
        log.append(exchange)
        throw URLError(.networkConnectionLost)
      case .slowAnswer(let delay)?:
        try await sleep(.milliseconds(delay))
        body = successBody(at: at, twist: twist)
      case .dateJump(let seconds)?:
        jump = seconds
        body = successBody(at: at, twist: twist)
      case .oversizedBody(let bytes)?:
        body = oversized(successBody(at: at, twist: twist), to: bytes)
      case .truncatedBody?, .tokenExpired?, nil:
        body = successBody(at: at, twist: twist)
      }
    }
    exchange.fault = fault
    let answeredAt = elapsed()
    let answeredDate = startDate.addingTimeInterval(Double(milliseconds(answeredAt)) / 1000)
    var headers = [
      "Content-Type": "application/json;charset=UTF-8", "Content-Length": "\(body.count)",
      "X-Request-Id": "fuzz\(session.index)-\(poll)",
      "Date": HTTPDate.format(answeredDate.addingTimeInterval(Double(jump))),
    ]
    if let retryAfter { headers["Retry-After"] = retryAfter }
    if status == 200 {
      exchange.twist = twist
      exchange.shows = AnswerRenderer.shows(body, api: api)
      if fault == .truncatedBody { body = body.prefix(body.count / 2) }
    }
    exchange.status = status
    exchange.answeredAt = answeredAt
    exchange.retryAfter = retryAfterWait(retryAfter, answeredAt: answeredDate)
    if status == 200, fault == .truncatedBody {
      // As a URLSession reports a connection cut partway through the body (and as Tape's
      // own truncatedBody fault does): the head and the bytes that came, in the error.
      exchange.shows = nil
      log.append(exchange)
      throw URLError(
        .networkConnectionLost,
        userInfo: [
          URLError.partialBodyKey: body,
          URLError.partialResponseKey: response(request, status, headers),
        ])
    }
    log.append(exchange)
    return (body, response(request, status, headers))
  }

  /// Whether `token` has expired, expiring the one in use when `fault` says so.
  private func tokenExpired(_ token: String, _ fault: WireFault?) -> Bool {
    let generation = Self.tokenNumber(token) ?? 0
    return tokens.withLock { tokens in
      if fault == .tokenExpired { tokens.expiredThrough = max(tokens.expiredThrough, generation) }
      return generation <= tokens.expiredThrough
    }
  }

  private func successBody(at milliseconds: Int, twist: BodyTwist?) -> Data {
    let truth = session.truth
    let state = AnswerRenderer.State(
      phase: truth.phase(at: milliseconds), percent: truth.percent(at: milliseconds),
      settling: truth.isSettling(at: milliseconds), outcome: truth.outcome, twist: twist,
      elapsed: milliseconds,
      startMilliseconds: Int64(startDate.timeIntervalSince1970 * 1000))
    return Data(AnswerRenderer.body(session.cloudAPI, state).serialized().utf8)
  }

  /// `body` with a padding member added, to `bytes` in all.
  private func oversized(_ body: Data, to bytes: Int) -> Data {
    guard body.last == UInt8(ascii: "}"), body.count + 20 < bytes else { return body }
    var padded = body.dropLast()
    padded.append(contentsOf: Array(",\"x_fuzz_padding\":\"".utf8))
    padded.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: bytes - body.count - 20))
    padded.append(contentsOf: Array("\"}".utf8))
    return Data(padded)
  }

  private func response(_ request: URLRequest, _ status: Int, _ headers: [String: String])
    -> HTTPURLResponse
  {
    HTTPURLResponse(
      url: request.url ?? URL(string: "https://fuzz.invalid/")!, statusCode: status,
      httpVersion: "HTTP/1.1", headerFields: headers)!
  }
}

/// Whole milliseconds of `duration`.
func milliseconds(_ duration: Duration) -> Int {
  let (seconds, attoseconds) = duration.components
  return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}
