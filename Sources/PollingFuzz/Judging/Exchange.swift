import CloudProgress
import Foundation

/// One request the poller made in a session and what it got, on the session's virtual time,
/// with the ground truth at that moment: what the oracles read.
public struct Exchange: Hashable, Sendable, CustomStringConvertible {
  /// What the request was for.
  public enum Kind: String, Hashable, Sendable {
    /// A progress poll (any request but IAM's).
    case poll
    /// `POST /v3/auth/tokens`: a new token from IAM.
    case identity
  }

  /// What the request was for.
  public var kind: Kind
  /// The poll's number, from 0; nil for an identity request.
  public var poll: Int?
  /// When it was sent, from the session's start.
  public var sentAt: Duration
  /// When the answer (or the failure) came back.
  public var answeredAt: Duration
  /// The answer's status; nil when the connection dropped.
  public var status: Int?
  /// The wait the answer's `Retry-After` asked for, when it had one.
  public var retryAfter: Duration?
  /// Where the task really was when the request was sent.
  public var truth: TaskProgress.Phase
  /// What the answer says, read by the API's model; nil for anything but a readable 2xx.
  public var shows: TaskProgress.Phase?
  /// The fault laid over this exchange, if any.
  public var fault: WireFault?
  /// The twist laid over the answer's body, if any.
  public var twist: BodyTwist?

  /// Whether the answer refused the credentials (401 or 403).
  public var isRefusal: Bool { status == 401 || status == 403 }

  /// Whether it is worth another try after a wait: a 429, a 5xx other than 501, a dropped
  /// connection or a body cut short.
  public var isTransient: Bool {
    guard let status else { return true }
    if fault == .truncatedBody { return true }
    return status == 429 || ((500...599).contains(status) && status != 501)
  }

  /// `#3 at 12.5 s: 429 (Retry-After: 7) [truth running]`.
  public var description: String {
    var text = kind == .identity ? "IAM" : "#\(poll ?? 0)"
    text += " at \(format(sentAt)): "
    if let fault, status != 200 {
      text += "\(fault)"
    } else {
      text += status.map { "\($0)" } ?? "no answer"
      if let shows { text += " \(shows.rawValue)" }
      if let fault { text += " (\(fault))" }
    }
    if let twist { text += " [\(twist)]" }
    if kind == .poll { text += " [truth \(truth.rawValue)]" }
    return text
  }
}

/// `12.5 s`, `250 ms`.
func format(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  let milliseconds = Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  return abs(milliseconds) < 1000 ? "\(milliseconds) ms" : secondsText(milliseconds)
}
