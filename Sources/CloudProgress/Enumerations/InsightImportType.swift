/// The kind of a DataArts Insight import (`import_type`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum InsightImportType: OpenEnumeration {
  /// A resource package import (wire value `import`).
  case resourcePackage
  /// A one-click import across workspaces (wire value `crossSpaceImport`).
  case crossSpace
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.resourcePackage, "import"),
    (.crossSpace, "crossSpaceImport"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
