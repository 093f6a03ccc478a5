/// What the player answers once every recorded response to a request has been served.
public enum ExhaustionPolicy: String, Hashable, Sendable, CaseIterable {
  /// Serve the last response again: the final state sticks, as a finished task's would.
  case repeatLast
  /// Fail the request, with a report saying how often it was already played.
  case fail
  /// Start the sequence over from its first response; play counts keep counting.
  case cycle
}
