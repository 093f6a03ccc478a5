import JSONTree

/// A scalar JSON value exactly as the service sent it: a string, a number or a boolean.
///
/// The hardened field types (open enumerations, ``Percentage``, ``NumericString``,
/// ``LongTimestamp``) keep one of these so that a value they cannot interpret is still
/// kept, shown and encoded back unchanged.
public enum WireScalar: Hashable, Sendable, Codable, CustomStringConvertible {
  /// A JSON string.
  case string(String)
  /// A JSON number.
  case number(WireNumber)
  /// A JSON boolean.
  case bool(Bool)

  /// Decodes any scalar; `null`, arrays and objects are errors that name their path.
  public init(from decoder: any Decoder) throws {
    try self.init(try JSONValue(from: decoder), at: decoder.codingPath)
  }

  /// The scalar `value` is; `null`, arrays and objects are errors at `codingPath`.
  init(_ value: JSONValue, at codingPath: @autoclosure () -> [any CodingKey]) throws {
    switch value {
    case .string(let text): self = .string(text)
    case .bool(let flag): self = .bool(flag)
    case .number(let lexeme): self = .number(WireNumber(lexeme: lexeme))
    case .null:
      throw DecodingError.valueNotFound(
        WireScalar.self,
        .init(codingPath: codingPath(), debugDescription: "expected a scalar, found null"))
    case .array, .object:
      throw DecodingError.typeMismatch(
        WireScalar.self,
        .init(
          codingPath: codingPath(),
          debugDescription: "expected a string, number or boolean, found \(value.typeName)"))
    }
  }

  /// Encodes the value as it arrived.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .number(let number): try number.encode(to: encoder)
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    }
  }

  /// The text of a string; nil for numbers and booleans.
  public var stringValue: String? {
    if case .string(let text) = self { text } else { nil }
  }

  /// JSON-like text: strings quoted, numbers and booleans bare.
  public var description: String {
    switch self {
    case .string(let text): "\"\(text)\""
    case .number(let number): number.text
    case .bool(let flag): String(flag)
    }
  }
}

extension WireScalar: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral
{
  /// A string scalar.
  public init(stringLiteral value: String) { self = .string(value) }
  /// A number scalar.
  public init(integerLiteral value: Int) { self = .number(WireNumber(value)) }
  /// A boolean scalar.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension WireScalar {
  /// The value as a JSON tree node.
  public var jsonValue: JSONValue {
    switch self {
    case .string(let text): .string(text)
    case .number(let number): .number(number.text)
    case .bool(let flag): .bool(flag)
    }
  }
}
