import Synchronization

/// A `Decoder` that answers every request with a value and notes the path of every key a
/// model asks for (array elements as `*`): what a model reads, found by decoding, not by
/// restating its coding keys.
final class KeyRecordingDecoder: Decoder {
  let codingPath: [any CodingKey]
  let userInfo: [CodingUserInfoKey: Any] = [:]
  private let log: KeyLog

  /// A decoder at the root with an empty log.
  convenience init() { self.init(path: [], log: KeyLog()) }

  private init(path: [any CodingKey], log: KeyLog) {
    self.codingPath = path
    self.log = log
  }

  /// The pointer patterns asked for so far, such as `/json/details/*/id`.
  var recordedPatterns: Set<String> { log.patterns.withLock { $0 } }

  func child(_ key: any CodingKey) -> KeyRecordingDecoder {
    let path = codingPath + [key]
    log.note(path)
    return KeyRecordingDecoder(path: path, log: log)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
    KeyedDecodingContainer(KeyedRecorder<Key>(decoder: self))
  }

  func unkeyedContainer() -> any UnkeyedDecodingContainer { UnkeyedRecorder(decoder: self) }

  func singleValueContainer() -> any SingleValueDecodingContainer { SingleRecorder(decoder: self) }
}

/// The patterns a decoding asked for.
final class KeyLog: Sendable {
  let patterns = Mutex(Set<String>())

  func note(_ path: [any CodingKey]) {
    let tokens = path.map { $0.intValue == nil ? $0.stringValue : "*" }
    patterns.withLock { _ = $0.insert("/" + tokens.joined(separator: "/")) }
  }
}

private struct ElementKey: CodingKey {
  var stringValue: String { "*" }
  var intValue: Int? { 0 }
  init() {}
  init?(stringValue: String) { nil }
  init?(intValue: Int) { nil }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let decoder: KeyRecordingDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }
  var allKeys: [Key] { [] }

  func contains(_ key: Key) -> Bool {
    _ = decoder.child(key)
    return true
  }

  func decodeNil(forKey key: Key) -> Bool {
    _ = decoder.child(key)
    return false
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try T(from: decoder.child(key))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
    -> KeyedDecodingContainer<NestedKey>
  {
    decoder.child(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
    decoder.child(key).unkeyedContainer()
  }

  func superDecoder() -> any Decoder { decoder }

  func superDecoder(forKey key: Key) -> any Decoder { decoder.child(key) }
}

/// One element, then the end.
private final class UnkeyedRecorder: UnkeyedDecodingContainer {
  let decoder: KeyRecordingDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { 1 }
  var currentIndex = 0
  var isAtEnd: Bool { currentIndex > 0 }

  init(decoder: KeyRecordingDecoder) { self.decoder = decoder }

  func decodeNil() -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    currentIndex += 1
    return try T(from: decoder.child(ElementKey()))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
    -> KeyedDecodingContainer<NestedKey>
  {
    currentIndex += 1
    return decoder.child(ElementKey()).container(keyedBy: type)
  }

  func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
    currentIndex += 1
    return decoder.child(ElementKey()).unkeyedContainer()
  }

  func superDecoder() -> any Decoder {
    currentIndex += 1
    return decoder.child(ElementKey())
  }
}

/// Answers every scalar with a plain value: `""`, `0`, `false`.
private struct SingleRecorder: SingleValueDecodingContainer {
  let decoder: KeyRecordingDecoder
  var codingPath: [any CodingKey] { decoder.codingPath }

  func decodeNil() -> Bool { false }
  func decode(_ type: Bool.Type) -> Bool { false }
  func decode(_ type: String.Type) -> String { "" }
  func decode(_ type: Double.Type) -> Double { 0 }
  func decode(_ type: Float.Type) -> Float { 0 }
  func decode(_ type: Int.Type) -> Int { 0 }
  func decode(_ type: Int8.Type) -> Int8 { 0 }
  func decode(_ type: Int16.Type) -> Int16 { 0 }
  func decode(_ type: Int32.Type) -> Int32 { 0 }
  func decode(_ type: Int64.Type) -> Int64 { 0 }
  func decode(_ type: UInt.Type) -> UInt { 0 }
  func decode(_ type: UInt8.Type) -> UInt8 { 0 }
  func decode(_ type: UInt16.Type) -> UInt16 { 0 }
  func decode(_ type: UInt32.Type) -> UInt32 { 0 }
  func decode(_ type: UInt64.Type) -> UInt64 { 0 }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}
