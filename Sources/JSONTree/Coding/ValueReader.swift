import Foundation

/// One value of a tree with its place, read without making a ``ValueDecoder``: the scalars
/// a container decodes (a member's string, an element's integer) need no decoder, and the
/// path is put together only for an error.
struct ValueReader {
  let value: JSONValue
  /// The decoder of the enclosing object or array; nil at the root.
  let parent: ValueDecoder?
  /// Where the value sits in its parent.
  let step: CodingPathStep

  var codingPath: [any CodingKey] { CodingPathStep.path(to: step, in: parent) }

  /// Decodes `type` from this value: scalars directly, ``JSONValue`` as it is, anything
  /// else through its own `init(from:)`.
  func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
    // The commonest scalars skip the cast through `Any`: `type` is exactly their type, so
    // the bits are the value's.
    if type == String.self { return unsafeBitCast(try string(), to: Value.self) }
    if type == Int64.self { return unsafeBitCast(try integer(Int64.self), to: Value.self) }
    if type == JSONValue.self { return unsafeBitCast(value, to: Value.self) }
    guard Self.readsDirectly(type) else { return try Value(from: ValueDecoder(self)) }
    return try scalar(type) as! Value
  }

  /// Whether ``scalar(_:)`` reads `type`: ``JSONValue``, `String`, `Bool`, `Double`,
  /// `Float`, `Decimal` and the standard integers. Any other type decodes itself.
  ///
  /// The types are compared one by one, and nothing here is generic: asking whether `type`
  /// conforms to `FixedWidthInteger`, or returning a `Value?`, made the runtime look up a
  /// conformance or `Optional<Value>`'s metadata for every model and field decoded.
  static func readsDirectly(_ type: Any.Type) -> Bool {
    type == JSONValue.self || type == String.self || type == Bool.self || type == Double.self
      || type == Int.self || type == Int64.self || type == Float.self || type == Decimal.self
      || type == Int8.self || type == Int16.self || type == Int32.self || type == UInt.self
      || type == UInt8.self || type == UInt16.self || type == UInt32.self || type == UInt64.self
      || type == Int128.self || type == UInt128.self
  }

  /// The value read as `type`, one of the types ``readsDirectly(_:)`` accepts.
  func scalar(_ type: Any.Type) throws -> Any {
    if type == JSONValue.self { return value }
    if type == String.self { return try string() }
    if type == Bool.self { return try bool() }
    if type == Double.self { return try double() }
    if type == Int.self { return try integer(Int.self) }
    if type == Int64.self { return try integer(Int64.self) }
    if type == Float.self { return Float(try double()) }
    if type == Decimal.self { return try decimal() }
    if type == Int8.self { return try integer(Int8.self) }
    if type == Int16.self { return try integer(Int16.self) }
    if type == Int32.self { return try integer(Int32.self) }
    if type == UInt.self { return try integer(UInt.self) }
    if type == UInt8.self { return try integer(UInt8.self) }
    if type == UInt16.self { return try integer(UInt16.self) }
    if type == UInt32.self { return try integer(UInt32.self) }
    if type == UInt64.self { return try integer(UInt64.self) }
    if type == Int128.self { return try integer(Int128.self) }
    if type == UInt128.self { return try integer(UInt128.self) }
    preconditionFailure("\(type) is not read directly")
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
      throw corrupted("\(lexeme) is too large for a Double (beyond ±1.8e308)")
    }
    if number == 0, Self.hasNonzeroSignificand(lexeme) {
      throw corrupted(
        "\(lexeme) is too small for a Double: nearer zero than the smallest Double "
          + "(4.9e-324), it underflows to zero")
    }
    return number
  }

  /// Whether a number lexeme has a digit other than 0 before its exponent: a number that is
  /// not zero, even when a `Double` reads it as zero.
  static func hasNonzeroSignificand(_ lexeme: String) -> Bool {
    for byte in lexeme.utf8 {
      switch byte {
      case UInt8(ascii: "e"), UInt8(ascii: "E"): return false
      case UInt8(ascii: "1")...UInt8(ascii: "9"): return true
      default: continue
      }
    }
    return false
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
