import CloudProgress
import JSONTree

/// One simulated task and how it ends: which API, which id, what outcome, after how many
/// polls (or how much time, or which percent at each poll), and any documented wire traps
/// its answers carry.
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
  /// When set, the percent each poll sees, in order (each 0...100, never going down); the
  /// last poll of the list sees the end, so the list also sets ``polls``. `[0, 0, 50, 100]`
  /// answers 0% twice, as a slow task does.
  public var percents: [Int]? {
    didSet { if let percents, !percents.isEmpty { polls = percents.count } }
  }
  /// Members laid over the top level of every successful answer, replacing the rendered
  /// value of the same key or added at the end: the documented traps a real service sends,
  /// such as Insight's `"create_date": 9223372036854776000` (beyond Int64). An object, or nil.
  public var bodyOverrides: JSONValue?

  /// Creates a script.
  public init(
    api: CloudAPI, id: String, outcome: Outcome = .succeed, polls: Int = 3, seconds: Double? = nil,
    percents: [Int]? = nil, bodyOverrides: JSONValue? = nil
  ) {
    self.api = api.rawValue
    self.id = id
    self.outcome = outcome
    self.polls = max(1, percents.map { $0.isEmpty ? polls : $0.count } ?? polls)
    self.seconds = seconds
    self.percents = percents
    self.bodyOverrides = bodyOverrides
  }

  /// The API, when the key is one of the five.
  public var cloudAPI: CloudAPI? { CloudAPI(rawValue: api) }
}
