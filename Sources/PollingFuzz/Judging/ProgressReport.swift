import CloudProgress

/// What a poller said it read, through ``PollContext/report(_:)``, beside the answer it had
/// last read then: the judge holds one against the other.
public struct ProgressReport: Hashable, Sendable {
  /// What the poller reported.
  public var progress: TaskProgress
  /// When, on the session's virtual time.
  public var at: Duration
  /// The last readable answer before the report; nil when there was none.
  public var answer: Exchange?

  /// Creates a report.
  public init(progress: TaskProgress, at: Duration, answer: Exchange?) {
    self.progress = progress
    self.at = at
    self.answer = answer
  }
}
