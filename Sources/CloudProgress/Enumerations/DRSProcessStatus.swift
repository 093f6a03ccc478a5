/// The parsing state of a DRS object import template (`process_status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum DRSProcessStatus: OpenEnumeration {
  /// The template was parsed.
  case succeeded
  /// Parsing the template failed.
  case failed
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.succeeded, "success"),
    (.failed, "failed"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
