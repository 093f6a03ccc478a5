/// What the oracles hold a poller to: its floor between polls, its waits after a 429, its
/// own deadline. The defaults suit a poller following the API notes (at least 1 s between
/// polls, 2 s after a 429 without `Retry-After`, 15 minutes in all) and
/// `ProgressClient.poll`'s default policy.
public struct Expectations: Hashable, Sendable {
  /// The least wait between an answer and the next poll (no request storm).
  public var floor: Duration
  /// The least wait after a 429 (with or without `Retry-After`).
  public var throttleFloor: Duration
  /// The poller's own deadline, from its first poll; nil when it has none (then only the
  /// session's virtual limit stops it).
  public var deadline: Duration?
  /// How far past (or before) its deadline a poller may stop polling: its longest wait.
  public var deadlineSlack: Duration
  /// How many polls it may make after the first answer that shows a terminal phase.
  public var pollsAfterTerminal: Int
  /// How many refused answers (401, 403) in a row it may meet before it stops: one, then
  /// one more after renewing the token.
  public var refusalsInARow: Int
  /// The virtual time after which a session is a hang: by default twice the deadline plus
  /// ten minutes, or six hours without one.
  public var hangAfter: Duration
  /// The most polls a session may take before it is a hang.
  public var pollLimit: Int
  /// How many temporary failures in a row (429s, 5xx but 501, dropped connections, bodies
  /// cut short) a poller must ride out before it may give up, unless its own deadline is
  /// near: giving up sooner is `gaveUpWithoutCause` (the costliest poller mistake: a task
  /// that was running fine is reported lost). `ProgressClient.poll` gives up at the sixth
  /// 5xx in a row (`maximumRetries` 5) and never on 429s.
  public var temporaryFailuresToRideOut: Int
  /// Whether the poller holds credentials it can get a new token with (a password): then
  /// giving up on a 401 without asking IAM for a new token is `gaveUpWithoutCause`. False
  /// for a poller handed a fixed token (``PollContext/staticToken``).
  public var renewsExpiredToken: Bool

  /// Creates expectations.
  public init(
    floor: Duration = .seconds(1), throttleFloor: Duration = .seconds(2),
    deadline: Duration? = .seconds(900), deadlineSlack: Duration = .seconds(60),
    pollsAfterTerminal: Int = 0, refusalsInARow: Int = 2, hangAfter: Duration? = nil,
    pollLimit: Int = 5_000, temporaryFailuresToRideOut: Int = 5, renewsExpiredToken: Bool = true
  ) {
    self.floor = floor
    self.throttleFloor = throttleFloor
    self.deadline = deadline
    self.deadlineSlack = deadlineSlack
    self.pollsAfterTerminal = pollsAfterTerminal
    self.refusalsInARow = refusalsInARow
    self.hangAfter = hangAfter ?? deadline.map { $0 * 2 + .seconds(600) } ?? .seconds(6 * 3600)
    self.pollLimit = pollLimit
    self.temporaryFailuresToRideOut = max(0, temporaryFailuresToRideOut)
    self.renewsExpiredToken = renewsExpiredToken
  }
}
