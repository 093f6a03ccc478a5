import Foundation
import Synchronization

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

/// What a value of one type encodes as before its own `encode(to:)` is asked: the scalar
/// casts of ``ValueEncoder/encode(_:)``, decided once per type where the type alone decides
/// them. A struct or enum is cast to `String`, `Bool`, `Double`, `Float`, `Decimal` or an
/// integer only when it is that type (or, for integers, conforms to `FixedWidthInteger`); an
/// optional encodes its wrapped value through the same encoder (its `encode(to:)`); classes
/// are cast value by value as before. Seven casts that failed on every member of every model
/// were a fifth of encoding one.
enum EncodingKind: Sendable {
  /// Its own `encode(to:)`: none of the casts can succeed, or (an optional) what they would
  /// find is what its `encode(to:)` encodes.
  case custom
  /// A `FixedWidthInteger`: written as its description.
  case integer
  /// Cast value by value (classes, and the scalar types themselves).
  case casts

  private static let known = Mutex([ObjectIdentifier: EncodingKind]())

  /// The kind of `type`, decided the first time it is asked.
  static func of<Value>(_ type: Value.Type) -> EncodingKind {
    let identifier = ObjectIdentifier(type)
    if let kind = known.withLock({ $0[identifier] }) { return kind }
    let kind = decide(type)
    known.withLock { $0[identifier] = kind }
    return kind
  }

  private static func decide<Value>(_ type: Value.Type) -> EncodingKind {
    if type is AnyObject.Type || type == AnyHashable.self || type == JSONValue.self
      || type == String.self || type == Bool.self || type == Double.self || type == Float.self
      || type == Decimal.self
    {
      return .casts
    }
    return type is any FixedWidthInteger.Type ? .integer : .custom
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
    if Self.write(value, into: slot) { return }
    switch EncodingKind.of(Value.self) {
    case .custom: try value.encode(to: self)
    case .integer: slot.content = .value(.number("\(value as! any FixedWidthInteger)"))
    case .casts: try encodeByCasts(value)
    }
  }

  /// Writes a value of the commonest types (by metatype, so read as that very type without a
  /// runtime cast) into `slot`; false for any other type. Those types never fail to encode
  /// and never read their coding path, so a container writes them without an encoder.
  @inline(__always)
  static func write<Value: Encodable>(_ value: Value, into slot: EncodingSlot) -> Bool {
    if Value.self == String.self {
      slot.content = .value(.string(unsafeBitCast(value, to: String.self)))
    } else if Value.self == JSONValue.self {
      slot.content = .value(unsafeBitCast(value, to: JSONValue.self))
    } else if Value.self == Int.self {
      slot.content = .value(.number(String(unsafeBitCast(value, to: Int.self))))
    } else if Value.self == Int64.self {
      slot.content = .value(.number(String(unsafeBitCast(value, to: Int64.self))))
    } else if Value.self == Bool.self {
      slot.content = .value(.bool(unsafeBitCast(value, to: Bool.self)))
    } else {
      return false
    }
    return true
  }

  /// The scalar casts, value by value.
  private func encodeByCasts<Value: Encodable>(_ value: Value) throws {
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
  let path: EncodingPath?

  var codingPath: [any CodingKey] { EncodingPath.codingPath(of: path) }

  mutating func encodeNil(forKey key: Key) throws {
    storage.slot(named: key.stringValue).content = .value(.null)
  }

  mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
    // The commonest scalars need no encoder, nor a path node for one.
    let slot = storage.slot(named: key.stringValue)
    if ValueEncoder.write(value, into: slot) { return }
    try ValueEncoder(slot: slot, path: EncodingPath(parent: path, step: .key(key))).encode(value)
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

  mutating func encodeNil() throws { storage.appendSlot().content = .value(.null) }

  mutating func encode<Value: Encodable>(_ value: Value) throws {
    let index = storage.slots.count
    let slot = storage.appendSlot()
    if ValueEncoder.write(value, into: slot) { return }
    let path = EncodingPath(parent: path, step: .index(index))
    try ValueEncoder(slot: slot, path: path).encode(value)
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
