import CloudProgress

/// One simulated task and how it ends: which API, which id, what outcome, after how many
/// polls (or how much time).
public struct TaskScript: Hashable, Sendable, Codable {
  /// How a task ends.
  public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Everything succeeds.
    case succeed
    /// The task fails.
    case fail
    /// Part of it succeeds (CPTS: some projects; Insight: status 3).
    case partial
    /// The task is stopped (Check: `task_status` 3).
    case stop
    /// The task times out (Quality: TIMEOUT).
    case timeOut
  }

  /// The API (`cpts`, `insight`, `quality`, `drs`, `check`).
  public var api: String
  /// The id in the path: the project id for CPTS, the task, resource or job id otherwise.
  public var id: String
  /// How the task ends.
  public var outcome: Outcome
  /// How many polls it takes to finish (the last of them sees the end); at least 1.
  public var polls: Int
  /// When set, progress follows time since the first poll instead of the poll count.
  public var seconds: Double?

  /// Creates a script.
  public init(
    api: CloudAPI, id: String, outcome: Outcome = .succeed, polls: Int = 3, seconds: Double? = nil
  ) {
    self.api = api.rawValue
    self.id = id
    self.outcome = outcome
    self.polls = max(1, polls)
    self.seconds = seconds
  }

  /// The API, when the key is one of the five.
  public var cloudAPI: CloudAPI? { CloudAPI(rawValue: api) }
}
