import Foundation

/// The `Decoder` over one ``JSONValue`` of a tree.
///
/// A class, so that passing it as `any Decoder` costs one allocation and no copy, and so
/// that each decoder knows its parent: the coding path is a chain of parents, read only
/// when something asks for it (an error, a tolerant field's anomaly), instead of an array
/// built for every value decoded.
final class ValueDecoder: Decoder {
  let value: JSONValue
  /// The decoder of the enclosing object or array; nil at the root.
  let parent: ValueDecoder?
  /// Where the value sits in its parent.
  let step: CodingPathStep

  init(value: JSONValue, parent: ValueDecoder? = nil, step: CodingPathStep = .root) {
    self.value = value
    self.parent = parent
    self.step = step
  }

  /// A decoder for what `reader` reads.
  convenience init(_ reader: ValueReader) {
    self.init(value: reader.value, parent: reader.parent, step: reader.step)
  }

  var codingPath: [any CodingKey] { CodingPathStep.path(to: step, in: parent) }

  /// The members of the object; empty when the value is not an object.
  var members: [JSONMember] {
    if case .object(let members) = value { members } else { [] }
  }

  /// The position of the last member of each name, made the first time a keyed container
  /// of a large object asks for it.
  private(set) lazy var lastPositions: [String: Int] = Dictionary(
    members.indices.lazy.map { [members] in (members[$0].key, $0) },
    uniquingKeysWith: { _, last in last })

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// The reader of this decoder's own value.
  var reader: ValueReader { ValueReader(value: value, parent: parent, step: step) }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object = value else {
      throw reader.mismatch([String: JSONValue].self, expected: "an object")
    }
    return KeyedDecodingContainer(KeyedValueDecodingContainer<Key>(decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else {
      throw reader.mismatch([JSONValue].self, expected: "an array")
    }
    return UnkeyedValueDecodingContainer(elements: elements, decoder: self)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleValueDecodingContainerOverValue(decoder: self)
  }

  /// Decodes `type` from this value: scalars directly, ``JSONValue`` as it is, anything
  /// else through its own `init(from:)` with this decoder.
  func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
    guard ValueReader.readsDirectly(type) else { return try Value(from: self) }
    return try reader.scalar(type) as! Value
  }
}

/// The single-value container of a ``ValueDecoder``.
private struct SingleValueDecodingContainerOverValue: SingleValueDecodingContainer {
  let decoder: ValueDecoder

  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { decoder.value == .null }
  func decode(_ type: Bool.Type) throws -> Bool { try decoder.reader.bool() }
  func decode(_ type: String.Type) throws -> String { try decoder.reader.string() }
  func decode(_ type: Double.Type) throws -> Double { try decoder.reader.double() }
  func decode(_ type: Float.Type) throws -> Float { Float(try decoder.reader.double()) }
  func decode(_ type: Int.Type) throws -> Int { try decoder.reader.integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try decoder.reader.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try decoder.reader.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try decoder.reader.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try decoder.reader.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try decoder.reader.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.reader.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.reader.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.reader.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.reader.integer(type) }
  func decode(_ type: Int128.Type) throws -> Int128 { try decoder.reader.integer(type) }
  func decode(_ type: UInt128.Type) throws -> UInt128 { try decoder.reader.integer(type) }
  func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decode(type) }
}
