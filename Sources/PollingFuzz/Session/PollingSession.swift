import CloudProgress

/// One generated polling session: an API, the task's ground truth, and the wire behaviour
/// laid over it. Made by ``SessionGenerator`` from a seed, so the same seed and index give
/// the same session on every machine; shrunk by the minimizer; saved with its cassette.
public struct PollingSession: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The API's key (`check`, `cpts`...).
  public var api: String
  /// The run's seed.
  public var seed: UInt64
  /// The session's number in its run.
  public var index: Int
  /// What really happens to the task.
  public var truth: GroundTruth
  /// Wire faults, by poll.
  public var faults: [Scheduled<WireFault>]
  /// Changes to successful answers, by poll.
  public var twists: [Scheduled<BodyTwist>]

  /// Creates a session.
  public init(
    api: CloudAPI, seed: UInt64 = 0, index: Int = 0, truth: GroundTruth,
    faults: [Scheduled<WireFault>] = [], twists: [Scheduled<BodyTwist>] = []
  ) {
    self.api = api.rawValue
    self.seed = seed
    self.index = index
    self.truth = truth
    self.faults = faults
    self.twists = twists
  }

  /// The API.
  public var cloudAPI: CloudAPI { CloudAPI(rawValue: api) ?? .check }

  /// The fault at poll `index`, if any (the first listed wins).
  public func fault(at index: Int) -> WireFault? {
    faults.first { $0.covers(index) || ($0.effect.isPersistent && index >= $0.poll) }?.effect
  }

  /// The twist at poll `index`, if any.
  public func twist(at index: Int) -> BodyTwist? {
    twists.first { $0.covers(index) }?.effect
  }

  /// How many faults and twists it carries, counting each poll they hit.
  public var weight: Int {
    faults.reduce(0) { $0 + min($1.count, 1000) } + twists.reduce(0) { $0 + $1.count }
  }

  /// A multi-line summary: the truth, then each fault and twist with its polls.
  public var description: String {
    var lines = ["\(api) session #\(index) (seed \(seed)): \(truth)"]
    for fault in faults {
      lines.append(
        "  polls \(range(fault.poll, fault.effect.isPersistent ? nil : fault.count)): \(fault.effect)"
      )
    }
    for twist in twists {
      lines.append("  polls \(range(twist.poll, twist.count)): \(twist.effect)")
    }
    return lines.joined(separator: "\n")
  }

  private func range(_ first: Int, _ count: Int?) -> String {
    guard let count else { return "#\(first)..." }
    return count == 1 ? "#\(first)" : "#\(first)-#\(first + count - 1)"
  }
}
