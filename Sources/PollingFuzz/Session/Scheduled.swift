/// Something laid over a run of polls: from poll `poll` (0 for the first), `count` polls.
public struct Scheduled<Effect: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
  /// The first poll it hits, 0-based, counting only the task's polls.
  public var poll: Int
  /// How many polls in a row it hits; at least 1.
  public var count: Int
  /// What it does.
  public var effect: Effect

  /// Creates a scheduled effect.
  public init(poll: Int, count: Int = 1, effect: Effect) {
    self.poll = max(0, poll)
    self.count = max(1, count)
    self.effect = effect
  }

  /// Whether it hits poll `index`.
  public func covers(_ index: Int) -> Bool { index >= poll && index - poll < count }
}
