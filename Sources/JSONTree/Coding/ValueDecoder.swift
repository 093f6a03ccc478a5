import Foundation

/// The `Decoder` over one ``JSONValue`` of a tree.
struct ValueDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else {
      throw mismatch([String: JSONValue].self, expected: "an object")
    }
    return KeyedDecodingContainer(
      KeyedValueDecodingContainer<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else {
      throw mismatch([JSONValue].self, expected: "an array")
    }
    return UnkeyedValueDecodingContainer(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleValueDecodingContainerOverValue(decoder: self)
  }

  /// Decodes `type` from this value: scalars directly, ``JSONValue`` as it is, anything
  /// else through its own `init(from:)`.
  func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
    if type == JSONValue.self { return value as! Value }
    if type == String.self { return try string() as! Value }
    if type == Bool.self { return try bool() as! Value }
    if type == Double.self { return try double() as! Value }
    if type == Float.self { return Float(try double()) as! Value }
    if type == Decimal.self { return try decimal() as! Value }
    if let integer = type as? any FixedWidthInteger.Type {
      return try self.integer(integer) as! Value
    }
    return try Value(from: self)
  }

  func string() throws -> String {
    guard case .string(let text) = value else { throw mismatch(String.self, expected: "a string") }
    return text
  }

  func bool() throws -> Bool {
    guard case .bool(let flag) = value else { throw mismatch(Bool.self, expected: "a boolean") }
    return flag
  }

  func double() throws -> Double {
    guard case .number(let lexeme) = value else {
      throw mismatch(Double.self, expected: "a number")
    }
    guard let number = Double(lexeme), number.isFinite else {
      throw corrupted("\(lexeme) is beyond the range of Double")
    }
    return number
  }

  func decimal() throws -> Decimal {
    guard case .number(let lexeme) = value else {
      throw mismatch(Decimal.self, expected: "a number")
    }
    guard let number = Decimal(string: lexeme) else {
      throw corrupted("\(lexeme) is beyond the range of Decimal")
    }
    return number
  }

  func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
    guard case .number(let lexeme) = value else {
      throw mismatch(type, expected: "an integer")
    }
    guard let number = Integer(lexeme) else {
      throw corrupted("\(lexeme) is not an integer in the range of \(type)")
    }
    return number
  }

  func mismatch(_ type: Any.Type, expected: String) -> DecodingError {
    let found = value == .null ? "null" : "\(value.typeName)"
    if value == .null {
      return .valueNotFound(
        type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found null"))
    }
    return .typeMismatch(
      type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(found)"))
  }

  func corrupted(_ description: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: codingPath, debugDescription: description))
  }
}

/// The single-value container of a ``ValueDecoder``.
private struct SingleValueDecodingContainerOverValue: SingleValueDecodingContainer {
  let decoder: ValueDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.value == .null }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
  func decode(_ type: String.Type) throws -> String { try decoder.string() }
  func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
  func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
  func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decode(type) }
}
