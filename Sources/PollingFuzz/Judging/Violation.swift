/// One oracle a session's poller failed, and how.
public struct Violation: Hashable, Sendable, CustomStringConvertible {
  /// The oracle.
  public var oracle: Oracle
  /// What happened, in terms of the session.
  public var message: String
  /// The poll it happened at, when one.
  public var poll: Int?

  /// Creates a violation.
  public init(_ oracle: Oracle, _ message: String, poll: Int? = nil) {
    self.oracle = oracle
    self.message = message
    self.poll = poll
  }

  /// `doneEarly at #4: concluded succeeded while the task was running`.
  public var description: String {
    "\(oracle.rawValue)\(poll.map { " at #\($0)" } ?? ""): \(message)"
  }
}
