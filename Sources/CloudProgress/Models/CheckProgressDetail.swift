/// How far a CodeArts Check task got (`ProgressDetailV2`).
public struct CheckProgressDetail: Hashable, Sendable, Codable {
  /// The ratio, `"0%"` to `"100%"`; null when the check failed, stopped or never ran.
  public var ratio: Percentage?
  /// A short state text (`info`), such as `running` or `success`.
  @Tolerant public var info: CheckProgressInfo?

  /// Creates a detail.
  public init(ratio: Percentage? = nil, info: CheckProgressInfo? = nil) {
    self.ratio = ratio
    self.info = info
  }
}
