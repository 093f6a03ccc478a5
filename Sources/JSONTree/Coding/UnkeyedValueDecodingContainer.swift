/// The unkeyed container of a ``ValueDecoder``: an array's elements, read in order.
struct UnkeyedValueDecodingContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  /// The decoder of the array.
  let decoder: ValueDecoder
  private(set) var currentIndex = 0

  init(elements: [JSONValue], decoder: ValueDecoder) {
    self.elements = elements
    self.decoder = decoder
  }

  var codingPath: [any CodingKey] { decoder.codingPath }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  mutating func decodeNil() throws -> Bool {
    guard try peek().value == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.bool() } }
  mutating func decode(_ type: String.Type) throws -> String { try next { try $0.string() } }
  mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.double() } }
  mutating func decode(_ type: Float.Type) throws -> Float { try next { Float(try $0.double()) } }
  mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.integer(type) } }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.integer(type) } }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.integer(type) } }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.integer(type) } }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.integer(type) } }
  mutating func decode(_ type: Int128.Type) throws -> Int128 { try next { try $0.integer(type) } }
  mutating func decode(_ type: UInt128.Type) throws -> UInt128 {
    try next { try $0.integer(type) }
  }

  mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
    try next { try $0.decode(type) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try next { try ValueDecoder($0).container(keyedBy: type) }
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try next { try ValueDecoder($0).unkeyedContainer() }
  }

  mutating func superDecoder() throws -> any Decoder { try next { ValueDecoder($0) } }

  /// The reader of the current element, which stays current.
  private func peek() throws -> ValueReader {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        JSONValue.self,
        .init(
          codingPath: CodingPathStep.path(to: .index(currentIndex), in: decoder),
          debugDescription: elements.count == 1
            ? "the array has only 1 element" : "the array has only \(elements.count) elements"))
    }
    return ValueReader(value: elements[currentIndex], parent: decoder, step: .index(currentIndex))
  }

  /// Reads the current element and moves on only when reading it succeeded, as
  /// `JSONDecoder` does.
  private mutating func next<Value>(_ read: (ValueReader) throws -> Value) throws -> Value {
    let value = try read(try peek())
    currentIndex += 1
    return value
  }
}
