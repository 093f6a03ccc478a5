import Foundation

/// The `Encoder` that fills one ``EncodingSlot``.
struct ValueEncoder: Encoder {
  let slot: EncodingSlot
  let codingPath: [any CodingKey]

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(
      KeyedValueEncodingContainer<Key>(storage: slot.objectStorage(), codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedValueEncodingContainer(storage: slot.arrayStorage(), codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueEncodingContainerOverSlot(encoder: self)
  }

  /// Encodes scalars and ``JSONValue`` directly, anything else through its `encode(to:)`.
  func encode<Value: Encodable>(_ value: Value) throws {
    if let tree = value as? JSONValue {
      slot.content = .value(tree)
    } else if let text = value as? String {
      slot.content = .value(.string(text))
    } else if let flag = value as? Bool {
      slot.content = .value(.bool(flag))
    } else if let number = value as? Double {
      slot.content = .value(.number(try lexeme(of: number)))
    } else if let number = value as? Float {
      guard number.isFinite else { throw invalid(number, "\(number) is not a finite number") }
      slot.content = .value(.number("\(number)"))
    } else if let number = value as? Decimal {
      guard !number.isNaN else { throw invalid(number, "NaN is not a JSON number") }
      slot.content = .value(.number(number.description))
    } else if let integer = value as? any FixedWidthInteger {
      slot.content = .value(.number("\(integer)"))
    } else {
      try value.encode(to: self)
    }
  }

  func encodeNil() {
    slot.content = .value(.null)
  }

  private func lexeme(of number: Double) throws -> String {
    guard number.isFinite else { throw invalid(number, "\(number) is not a finite number") }
    return "\(number)"
  }

  private func invalid(_ value: Any, _ description: String) -> EncodingError {
    .invalidValue(value, .init(codingPath: codingPath, debugDescription: description))
  }
}

/// The single-value container of a ``ValueEncoder``.
private struct SingleValueEncodingContainerOverSlot: SingleValueEncodingContainer {
  let encoder: ValueEncoder

  var codingPath: [any CodingKey] { encoder.codingPath }

  mutating func encodeNil() throws { encoder.encodeNil() }
  mutating func encode<Value: Encodable>(_ value: Value) throws { try encoder.encode(value) }
}

/// The keyed container of a ``ValueEncoder``.
private struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let storage: EncodingSlot.ObjectStorage
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { encoder(for: key).encodeNil() }

  mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
    try encoder(for: key).encode(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    encoder(for: key).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    encoder(for: key).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { encoder(for: MemberCodingKey("super")) }

  mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(for: key) }

  private func encoder(for key: some CodingKey) -> ValueEncoder {
    ValueEncoder(slot: storage.slot(named: key.stringValue), codingPath: codingPath + [key])
  }
}

/// The unkeyed container of a ``ValueEncoder``.
private struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
  let storage: EncodingSlot.ArrayStorage
  let codingPath: [any CodingKey]

  var count: Int { storage.slots.count }

  mutating func encodeNil() throws { nextEncoder().encodeNil() }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    try nextEncoder().encode(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    nextEncoder().container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    nextEncoder().unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { nextEncoder() }

  private func nextEncoder() -> ValueEncoder {
    let index = storage.slots.count
    return ValueEncoder(
      slot: storage.appendSlot(), codingPath: codingPath + [IndexCodingKey(index)])
  }
}
