/// One part of a campaign split across machines: `--shard 2/8` is index 2 of 8. Each shard
/// draws its own reproducible stream of inputs.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
  /// The part, from 0.
  public var index: Int
  /// How many parts.
  public var count: Int

  /// The whole campaign.
  public static let whole = Shard(unchecked: 0, count: 1)

  private init(unchecked index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Creates a shard; nil unless `0 <= index < count`.
  public init?(index: Int, count: Int) {
    guard count > 0, (0..<count).contains(index) else { return nil }
    self.init(unchecked: index, count: count)
  }

  /// Parses `i/n`.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
      return nil
    }
    self.init(index: index, count: count)
  }

  /// `i/n`.
  public var description: String { "\(index)/\(count)" }
}
