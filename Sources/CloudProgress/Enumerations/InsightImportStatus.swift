/// The state of a DataArts Insight import task (`status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum InsightImportStatus: OpenEnumeration {
  /// The task is not activated yet.
  case notActivated
  /// The task waits to be processed.
  case pending
  /// The import succeeded.
  case succeeded
  /// The import failed; see `error_msg`.
  case failed
  /// Part of the package was imported.
  case partiallySucceeded
  /// The task is being processed.
  case processing
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.notActivated, -1),
    (.pending, 0),
    (.succeeded, 1),
    (.failed, 2),
    (.partiallySucceeded, 3),
    (.processing, 4),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
