/// A strict RFC 8259 parser that builds a ``JSONValue``, keeping number lexemes, member order
/// and duplicate keys, and reporting the first problem with its line, column and pointer.
///
/// It accepts exactly the JSON grammar (no trailing commas, comments, `NaN` or leading
/// zeros), validates UTF-8, rejects unpaired surrogate escapes, skips one leading UTF-8 byte
/// order mark, and refuses nesting deeper than ``maximumDepth`` instead of overflowing the
/// stack.
public struct JSONParser: Sendable {
  /// The deepest nesting of arrays and objects accepted; 512 like `JSONSerialization`.
  public var maximumDepth: Int

  /// Creates a parser.
  public init(maximumDepth: Int = 512) {
    self.maximumDepth = maximumDepth
  }

  /// Parses a whole document.
  public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
    var cursor = Cursor(bytes: Array(bytes), maximumDepth: maximumDepth)
    return try cursor.parseDocument()
  }

  /// Parses a whole document given as text.
  public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

/// The parsing state: the bytes, the read position and the path to the current value.
private struct Cursor {
  let bytes: [UInt8]
  let maximumDepth: Int
  var index = 0
  var path: [String] = []

  init(bytes: [UInt8], maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipWhitespace()
    guard index < bytes.count else { throw failure("empty document: expected a JSON value") }
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else {
      throw failure("unexpected \(describeByte(at: index)) after the end of the document")
    }
    return value
  }

  mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw failure("unexpected end of input: expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw failure("unexpected \(describeByte(at: index)): expected a value")
    }
  }

  mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return .object(members) }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure(members.isEmpty ? "expected a member name or '}'" : "expected a member name")
      }
      let key = try parseString()
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after member name") }
      skipWhitespace()
      path.append(key)
      let value = try parseValue()
      path.removeLast()
      members.append(JSONMember(key, value))
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      if consume(UInt8(ascii: "}")) { break }
      throw failure("expected ',' or '}' after an object member")
    }
    return .object(members)
  }

  mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if consume(UInt8(ascii: "]")) { return .array(elements) }
    while true {
      skipWhitespace()
      path.append(String(elements.count))
      let element = try parseValue()
      path.removeLast()
      elements.append(element)
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      if consume(UInt8(ascii: "]")) { break }
      throw failure("expected ',' or ']' after an array element")
    }
    return .array(elements)
  }

  func enterContainer() throws(JSONParseError) {
    guard path.count < maximumDepth else {
      throw failure("nesting deeper than \(maximumDepth) levels")
    }
  }

  mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError)
    -> JSONValue
  {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw failure("invalid literal: expected '\(word)'")
    }
    index += expected.count
    return value
  }

  mutating func parseNumber() throws(JSONParseError) -> String {
    let start = index
    _ = consume(UInt8(ascii: "-"))
    if consume(UInt8(ascii: "0")) {
      if index < bytes.count, isDigit(bytes[index]) {
        throw failure("invalid number: leading zeros are not allowed")
      }
    } else if try !consumeDigits() {
      throw failure("invalid number: expected a digit")
    }
    if consume(UInt8(ascii: ".")), try !consumeDigits() {
      throw failure("invalid number: expected a digit after '.'")
    }
    if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
      _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
      guard try consumeDigits() else {
        throw failure("invalid number: expected a digit in the exponent")
      }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  mutating func consumeDigits() throws(JSONParseError) -> Bool {
    let start = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    return index > start
  }

  mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    while true {
      guard index < bytes.count else { throw failure("unterminated string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        try appendRun(from: runStart, to: index, into: &scalars)
        index += 1
        if byte == UInt8(ascii: "\"") { return String(scalars) }
        scalars.append(try parseEscape())
        runStart = index
      } else if byte < 0x20 {
        throw failure("unescaped control character 0x\(hex(byte)) in a string")
      } else {
        index += 1
      }
    }
  }

  func appendRun(from start: Int, to end: Int, into scalars: inout String.UnicodeScalarView)
    throws(JSONParseError)
  {
    guard start < end else { return }
    var iterator = bytes[start..<end].makeIterator()
    var decoder = UTF8()
    var offset = start
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        offset += UTF8.width(scalar)
      case .emptyInput:
        return
      case .error:
        throw failure("invalid UTF-8 in a string", at: offset)
      }
    }
  }

  mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
    guard index < bytes.count else { throw failure("unterminated escape sequence") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): return try parseUnicodeEscape()
    default: throw failure("invalid escape sequence '\\\(describeByteText(byte))'", at: index - 1)
    }
  }

  mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
    let high = try parseHexQuad()
    if (0xDC00...0xDFFF).contains(high) {
      throw failure("unpaired low surrogate \\u\(hex4(high))", at: index - 6)
    }
    guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
    guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
      throw failure("unpaired high surrogate \\u\(hex4(high))", at: index - 6)
    }
    index += 2
    let low = try parseHexQuad()
    guard (0xDC00...0xDFFF).contains(low) else {
      throw failure("high surrogate \\u\(hex4(high)) not followed by a low one", at: index - 12)
    }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
  }

  mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw failure("expected four hexadecimal digits after \\u")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func consume(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  func failure(_ reason: String, at offset: Int? = nil) -> JSONParseError {
    let offset = min(offset ?? index, bytes.count)
    let before = bytes[..<offset]
    let line = before.count(where: { $0 == 0x0A }) + 1
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    return JSONParseError(
      reason: reason, offset: offset, line: line, column: offset - lineStart + 1,
      pointer: JSONPointer(tokens: path))
  }

  func describeByte(at offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    return "character '\(describeByteText(bytes[offset]))'"
  }
}

private func describeByteText(_ byte: UInt8) -> String {
  (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "0x\(hex(byte))"
}

private func isDigit(_ byte: UInt8) -> Bool {
  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func hexValue(_ byte: UInt8) -> UInt32? {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
  case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
  case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
  default: nil
  }
}

private func hex(_ byte: UInt8) -> String {
  let text = String(byte, radix: 16, uppercase: true)
  return text.count == 1 ? "0" + text : text
}

private func hex4(_ value: UInt32) -> String {
  let text = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: 4 - text.count) + text
}
