/// The short state text of a CodeArts Check task (`progress.info`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum CheckProgressInfo: OpenEnumeration {
  /// The check is running.
  case running
  /// The check succeeded.
  case succeeded
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.running, "running"),
    (.succeeded, "success"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
