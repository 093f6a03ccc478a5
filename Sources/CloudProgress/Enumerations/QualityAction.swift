/// Whether a DataArts Quality task exports or imports (`action`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum QualityAction: OpenEnumeration {
  /// An export.
  case export
  /// An import; the documentation names it REPORT (probably meaning IMPORT, which decodes as `unknown`).
  case report
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.export, "EXPORT"),
    (.report, "REPORT"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
