/// The keyed container of a ``ValueDecoder``: an object's members, the last of duplicates
/// winning as in most parsers.
///
/// A small object is searched from its end, which finds the last duplicate first; an object
/// of more than ``indexedMemberCount`` members gets a dictionary of where each name was
/// last (made once, by its decoder). Building a dictionary for every object (hashing every
/// member name of every detail of a 250,000-detail answer) cost more than the lookups it
/// served. The container holds only its decoder: `KeyedDecodingContainer` copies it for
/// every member decoded.
struct KeyedValueDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  /// The largest object searched member by member.
  static var indexedMemberCount: Int { 32 }

  /// The decoder of the object.
  let decoder: ValueDecoder

  init(decoder: ValueDecoder) {
    self.decoder = decoder
  }

  /// The object's members.
  var members: [JSONMember] { decoder.members }

  var codingPath: [any CodingKey] { decoder.codingPath }

  /// Every distinct member name that is a `Key`, in the order the names first appear.
  var allKeys: [Key] {
    var seen: Set<String> = []
    return members.compactMap { member in
      seen.insert(member.key).inserted ? Key(stringValue: member.key) : nil
    }
  }

  func contains(_ key: Key) -> Bool { value(for: key) != nil }

  func decodeNil(forKey key: Key) throws -> Bool { try reader(for: key).value == .null }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(for: key).bool() }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try reader(for: key).string()
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try reader(for: key).double()
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    Float(try reader(for: key).double())
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
  func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try integer(type, key) }
  func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try integer(type, key) }

  func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
    try reader(for: key).decode(type)
  }

  // `decodeIfPresent` finds the member once; the protocol's default asks `contains`,
  // `decodeNil` and `decode` in turn, three searches and three paths.

  func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
    try presentReader(for: key)?.bool()
  }
  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    try presentReader(for: key)?.string()
  }
  func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
    try presentReader(for: key)?.double()
  }
  func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
    try presentReader(for: key).map { Float(try $0.double()) }
  }
  func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? {
    try presentReader(for: key)?.integer(type)
  }
  func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
    try presentReader(for: key)?.decode(type)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try ValueDecoder(try reader(for: key)).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try ValueDecoder(try reader(for: key)).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    ValueDecoder(try reader(for: MemberCodingKey("super")))
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { ValueDecoder(try reader(for: key)) }

  private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, _ key: Key) throws
    -> Integer
  {
    try reader(for: key).integer(type)
  }

  /// The value of the last member named `key`'s string value.
  private func value(for key: some CodingKey) -> JSONValue? {
    let name = key.stringValue
    let members = decoder.members
    if members.count > Self.indexedMemberCount {
      return decoder.lastPositions[name].map { members[$0].value }
    }
    var position = members.endIndex
    while position > members.startIndex {
      position -= 1
      if members[position].key == name { return members[position].value }
    }
    return nil
  }

  private func reader(for key: some CodingKey) throws -> ValueReader {
    guard let value = value(for: key) else {
      throw DecodingError.keyNotFound(
        key,
        .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
    }
    return ValueReader(value: value, parent: decoder, step: .key(key))
  }

  /// The reader of the member, or nil when it is absent or `null`.
  private func presentReader(for key: Key) -> ValueReader? {
    guard let value = value(for: key), value != .null else { return nil }
    return ValueReader(value: value, parent: decoder, step: .key(key))
  }
}
