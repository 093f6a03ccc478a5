import JSONTree

/// What a field of a response holds according to the API documentation; the mutator picks
/// values that matter for it, and the documented-payload oracle checks against it.
public enum FieldKind: Hashable, Sendable {
  /// A JSON object.
  case object
  /// A JSON array.
  case array
  /// Any string.
  case string
  /// `true` or `false`.
  case boolean
  /// An integer within the range (for example `Int64`).
  case integer(ClosedRange<Int64>)
  /// A `Long` epoch timestamp: an integer (the documented example exceeds `Int64`).
  case timestamp
  /// An enumeration with these documented wire values; any value of the same JSON type is
  /// documented too (the enumerations are open).
  case enumeration([JSONValue])
  /// A ratio string such as `"50%"`.
  case percentage
  /// A string holding a number, such as `"1"`.
  case numericString

  /// The `Int32` range, the SDKs' `int32`.
  public static let int32Range = Int64(Int32.min)...Int64(Int32.max)
  /// The `Int64` range: a documented "Integer" with no format, read as `Int64`.
  public static let int64Range = Int64.min...Int64.max

  /// Whether a non-null `value` is documented for this kind.
  public func admits(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.object, .object), (.array, .array), (.string, .string), (.boolean, .bool),
      (.percentage, .string), (.numericString, .string):
      return true
    case (.integer(let range), .number(let lexeme)):
      return Int64(lexeme).map(range.contains) ?? false
    case (.timestamp, .number(let lexeme)):
      return lexeme.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (48...57).contains($0) }
        && (Double(lexeme).map(\.isFinite) ?? false)
    case (.enumeration(let documented), _):
      return documented.contains { documentedValue in
        switch (documentedValue, value) {
        case (.string, .string): true
        case (.number, .number(let lexeme)):
          Int64(lexeme).map(FieldKind.int32Range.contains) ?? false
        default: false
        }
      }
    default:
      return false
    }
  }
}
