/// The state of one project in a CodeArts PerfTest import (`json.details[].status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum PerfTestImportStatus: OpenEnumeration {
  /// The project is being imported.
  case importing
  /// The project was imported.
  case succeeded
  /// The import of the project failed; see `cause`.
  case failed
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.importing, 0),
    (.succeeded, 1),
    (.failed, 2),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
