/// The overall state of a CodeArts PerfTest import (`json.process_status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum PerfTestProcessStatus: OpenEnumeration {
  /// Projects are still being imported.
  case importing
  /// The import has finished; see each detail's status.
  case imported
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.importing, 0),
    (.imported, 1),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
