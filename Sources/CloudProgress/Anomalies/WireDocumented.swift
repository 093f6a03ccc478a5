/// A field type that can name what the documentation says its values are, for
/// ``WireAnomaly/documentedType``.
public protocol WireDocumented {
  /// The documented type, such as `string` or `one of "EXPORT", "REPORT"`.
  static var documentedWireType: String { get }
}

extension String: WireDocumented {
  /// `string`.
  public static var documentedWireType: String { "string" }
}

extension Bool: WireDocumented {
  /// `boolean`.
  public static var documentedWireType: String { "boolean" }
}

extension Int64: WireDocumented {
  /// `integer`.
  public static var documentedWireType: String { "integer" }
}

extension LongTimestamp: WireDocumented {
  /// `integer (epoch milliseconds)`.
  public static var documentedWireType: String { "integer (epoch milliseconds)" }
}

extension NumericString: WireDocumented {
  /// `string holding a number`.
  public static var documentedWireType: String { "string holding a number" }
}

extension OpenEnumeration {
  /// `one of 0, 1` or `one of "EXPORT", "REPORT"`.
  public static var documentedWireType: String {
    "one of " + documentedCases.map(\.wireValue.description).joined(separator: ", ")
  }
}
