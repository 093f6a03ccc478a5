/// A wire behaviour laid over one poll (or a run of polls) of a generated session: what the
/// network or the gateway does instead of, or on top of, the task's answer.
public enum WireFault: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How a 429 says when to come back.
  public enum RetryAfter: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `Retry-After: <seconds>`.
    case seconds(Int)
    /// `Retry-After: <HTTP date>`, this many seconds after the answer (rounded up).
    case httpDate(secondsAhead: Int)
    /// No `Retry-After` header (the documented case).
    case absent

    /// `Retry-After: 7`, `Retry-After: date +7 s`, `no Retry-After`.
    public var description: String {
      switch self {
      case .seconds(let seconds): "Retry-After: \(seconds)"
      case .httpDate(let ahead): "Retry-After: date +\(ahead) s"
      case .absent: "no Retry-After"
      }
    }
  }

  /// 429 `APIG.0308`, throttled.
  case throttled(RetryAfter)
  /// A 5xx other than 501 (500, 502, 503, 504), with `Retry-After` seconds or none.
  case serverError(status: Int, retryAfterSeconds: Int?)
  /// 501 Not Implemented (CPTS documents a bare string body): not worth retrying.
  case notImplemented
  /// The connection drops before an answer: `URLError(.networkConnectionLost)`.
  case droppedConnection
  /// The connection is cut partway through a 200's body: `URLError(.networkConnectionLost)`
  /// with the head and the half of the body that came in its `userInfo`, as a `URLSession`
  /// reports it (and as Tape's `FaultOverlay.truncatedBody(to:)` does).
  case truncatedBody
  /// The answer comes this late (the request is in flight meanwhile).
  case slowAnswer(milliseconds: Int)
  /// 403 from this poll on: a permission taken away. Never worth retrying in a loop.
  case forbidden
  /// The token in use expires at this poll: 401 `APIG.0301` "token expires" until the
  /// poller gets a new one from IAM (`POST /v3/auth/tokens`, which the session answers).
  case tokenExpired
  /// A 200 padded with an unknown member to this many bytes.
  case oversizedBody(bytes: Int)
  /// The answer's `Date` header is this far off the session's time (cosmetic).
  case dateJump(seconds: Int)

  /// Whether the fault holds from its first poll on, whatever its count says.
  public var isPersistent: Bool { self == .forbidden }

  /// `429 (Retry-After: 7)`, `503`, `dropped connection`...
  public var description: String {
    switch self {
    case .throttled(let retryAfter): "429 (\(retryAfter))"
    case .serverError(let status, let seconds?): "\(status) (Retry-After: \(seconds))"
    case .serverError(let status, nil): "\(status)"
    case .notImplemented: "501"
    case .droppedConnection: "dropped connection"
    case .truncatedBody: "truncated body"
    case .slowAnswer(let milliseconds): "answer after \(secondsText(milliseconds))"
    case .forbidden: "403 from here on"
    case .tokenExpired: "token expires (401)"
    case .oversizedBody(let bytes): "oversized body (\(bytes) bytes)"
    case .dateJump(let seconds): "Date header off by \(seconds) s"
    }
  }
}
