import Foundation

/// Where a value being encoded sits, made into a coding path only when one is read (an
/// error, or a type that asks): building a path array per member was most of the cost of
/// encoding a model.
final class EncodingPath {
  let parent: EncodingPath?
  let step: Step

  enum Step {
    case key(any CodingKey)
    case index(Int)
  }

  init(parent: EncodingPath?, step: Step) {
    self.parent = parent
    self.step = step
  }

  /// The coding path from the root to `path`.
  static func codingPath(of path: EncodingPath?) -> [any CodingKey] {
    var keys: [any CodingKey] = []
    var current = path
    while let node = current {
      switch node.step {
      case .key(let key): keys.append(key)
      case .index(let index): keys.append(IndexCodingKey(index))
      }
      current = node.parent
    }
    return keys.reversed()
  }
}

/// The `Encoder` that fills one ``EncodingSlot``.
struct ValueEncoder: Encoder {
  let slot: EncodingSlot
  let path: EncodingPath?

  init(slot: EncodingSlot, path: EncodingPath?) {
    self.slot = slot
    self.path = path
  }

  var codingPath: [any CodingKey] { EncodingPath.codingPath(of: path) }

  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(
      KeyedValueEncodingContainer<Key>(storage: slot.objectStorage(), path: path))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedValueEncodingContainer(storage: slot.arrayStorage(), path: path)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueEncodingContainerOverSlot(encoder: self)
  }

  /// Encodes scalars and ``JSONValue`` directly, anything else through its `encode(to:)`.
  func encode<Value: Encodable>(_ value: Value) throws {
    // The common types by their metatype first: a failed cast to an existential such as
    // `any FixedWidthInteger` costs a conformance lookup, and every struct of a model went
    // through seven of them before its `encode(to:)`.
    if Value.self == String.self {
      slot.content = .value(.string(value as! String))
    } else if Value.self == JSONValue.self {
      slot.content = .value(value as! JSONValue)
    } else if Value.self == Int.self {
      slot.content = .value(.number(String(value as! Int)))
    } else if Value.self == Bool.self {
      slot.content = .value(.bool(value as! Bool))
    } else if let tree = value as? JSONValue {
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
  let path: EncodingPath?

  var codingPath: [any CodingKey] { EncodingPath.codingPath(of: path) }

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
    ValueEncoder(
      slot: storage.slot(named: key.stringValue), path: EncodingPath(parent: path, step: .key(key)))
  }
}

/// The unkeyed container of a ``ValueEncoder``.
private struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
  let storage: EncodingSlot.ArrayStorage
  let path: EncodingPath?

  var codingPath: [any CodingKey] { EncodingPath.codingPath(of: path) }

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
      slot: storage.appendSlot(), path: EncodingPath(parent: path, step: .index(index)))
  }
}
