/// The state of the file of a DataArts Quality export (`file_status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum QualityFileStatus: OpenEnumeration {
  /// The file is being prepared.
  case preparing
  /// The file is ready.
  case generated
  /// The file was deleted.
  case deleted
  /// The file could not be generated or uploaded.
  case failed
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.preparing, "PREPARING"),
    (.generated, "GENERATED"),
    (.deleted, "DELETED"),
    (.failed, "FAILED"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
