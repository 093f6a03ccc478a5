/// A property every poller must have, checked against a session's ground truth.
public enum Oracle: String, Hashable, Sendable, CaseIterable, Codable {
  /// It concluded "finished" while the task still ran (or never saw it end).
  case doneEarly
  /// It concluded another outcome than the task had.
  case wrongOutcome
  /// It stopped on an unknown status (concluded, or gave up before its deadline): unknown
  /// means keep polling.
  case stoppedOnUnknown
  /// It reported an unknown status (``PollContext/report(_:)``) as running or as done:
  /// unknown means keep polling, and say so.
  case misreportedUnknown
  /// It gave up before its deadline after an ordinary answer of a running task, after
  /// fewer temporary failures in a row than it must ride out, or on an expired token it
  /// could have renewed.
  case gaveUpWithoutCause
  /// It went on polling after an answer showed the task finished.
  case pollsAfterTerminal
  /// It polled again after it concluded (a poll left running in the background).
  case pollsAfterConclusion
  /// It polled again sooner than a `Retry-After` asked.
  case ignoredRetryAfter
  /// It polled again too soon after a 429, a 5xx or a lost connection.
  case noBackoff
  /// It polled faster than the floor.
  case tooFast
  /// It kept sending requests the service refused (401, 403).
  case retriesRefusal
  /// It polled past its own deadline.
  case missedDeadline
  /// It neither concluded nor stopped polling within the session's virtual limit.
  case hang
}
