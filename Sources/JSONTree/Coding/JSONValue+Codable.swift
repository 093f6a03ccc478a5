import Foundation

/// Any JSON value decodes as a ``JSONValue``, and encodes back as itself.
///
/// With ``JSONValueDecoder`` and ``JSONValueEncoder`` the value is taken and written exactly
/// (number lexemes, member order and duplicates included). Through other coders, such as
/// Foundation's `JSONDecoder`, it is rebuilt from the containers: numbers pass through
/// `Decimal` (or `Double` beyond it), so their text may change, and duplicate members and
/// member order are whatever that decoder keeps.
extension JSONValue: Codable {
  /// Decodes any JSON value.
  public init(from decoder: any Decoder) throws {
    if let decoder = decoder as? ValueDecoder {
      self = decoder.value
      return
    }
    if let container = try? decoder.singleValueContainer() {
      if container.decodeNil() {
        self = .null
        return
      }
      if let flag = try? container.decode(Bool.self) {
        self = .bool(flag)
        return
      }
      if let text = try? container.decode(String.self) {
        self = .string(text)
        return
      }
      if let number = Self.numberLexeme(in: container) {
        self = .number(number)
        return
      }
    }
    if let container = try? decoder.container(keyedBy: MemberCodingKey.self) {
      self = .object(
        try container.allKeys.map { key in
          JSONMember(key.stringValue, try container.decode(JSONValue.self, forKey: key))
        })
      return
    }
    if var elements = try? decoder.unkeyedContainer() {
      var values: [JSONValue] = []
      while !elements.isAtEnd { values.append(try elements.decode(JSONValue.self)) }
      self = .array(values)
      return
    }
    throw DecodingError.dataCorrupted(
      .init(
        codingPath: decoder.codingPath,
        debugDescription:
          "a number outside the range of Decimal and Double: too large (beyond ±1.8e308) or too small (nearer zero than 4.9e-324, yet not zero)"
      ))
  }

  /// The text of a number read by a foreign decoder: `Decimal` keeps up to 38 digits,
  /// `Double` reads what lies beyond `Decimal`'s range.
  private static func numberLexeme(in container: any SingleValueDecodingContainer) -> String? {
    if let decimal = try? container.decode(Decimal.self), !decimal.isNaN {
      return decimal.description
    }
    if let double = try? container.decode(Double.self), double.isFinite {
      // As Decimal writes it where Decimal holds it: `0e400` reads as 0.0 and is written 0.
      return Decimal(string: "\(double)")?.description ?? "\(double)"
    }
    return nil
  }

  /// Encodes the value; see the type's notes on foreign encoders.
  public func encode(to encoder: any Encoder) throws {
    if let encoder = encoder as? ValueEncoder {
      encoder.slot.content = .value(self)
      return
    }
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let flag):
      var container = encoder.singleValueContainer()
      try container.encode(flag)
    case .string(let text):
      var container = encoder.singleValueContainer()
      try container.encode(text)
    case .number(let lexeme):
      var container = encoder.singleValueContainer()
      if let decimal = Decimal(string: lexeme) {
        try container.encode(decimal)
      } else if let double = Double(lexeme), double.isFinite {
        try container.encode(double)
      } else {
        throw EncodingError.invalidValue(
          lexeme,
          .init(codingPath: encoder.codingPath, debugDescription: "\(lexeme) is beyond Double"))
      }
    case .array(let elements):
      var container = encoder.unkeyedContainer()
      for element in elements { try container.encode(element) }
    case .object(let members):
      var container = encoder.container(keyedBy: MemberCodingKey.self)
      for member in members {
        try container.encode(member.value, forKey: MemberCodingKey(member.key))
      }
    }
  }
}
