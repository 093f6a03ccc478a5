/// A count the service sends as a string holding a number, such as DRS
/// `parsed_success_number: "1"`.
///
/// The wire value is kept verbatim (it may also arrive as a bare number); ``integer`` is
/// set when it is an optional minus sign followed by digits that fit an `Int64`. `"1,000"`,
/// `" 1"` and `"1e3"` keep their text and have no integer.
public struct NumericString: WireScalarRepresentable, CustomStringConvertible {
  /// The value exactly as it arrived.
  public let wireValue: WireScalar

  /// Interprets a wire value.
  public init(wireValue: WireScalar) {
    self.wireValue = wireValue
  }

  /// Creates the string form of an integer, as the services send it.
  public init(_ integer: Int64) {
    self.wireValue = .string(String(integer))
  }

  /// The integer, when the value is one that fits an `Int64`.
  public var integer: Int64? {
    switch wireValue {
    case .string(let text): JSONNumberGrammar.isInteger(text) ? Int64(text) : nil
    case .number(let number): number.int64Value
    case .bool: nil
    }
  }

  /// The integer, or the raw value marked unparsable.
  public var description: String {
    integer.map(String.init) ?? "unparsable \(wireValue)"
  }
}
