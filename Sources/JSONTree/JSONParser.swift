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
    try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONParseError) in
      var cursor = Cursor(bytes: buffer, maximumDepth: maximumDepth)
      return try cursor.parseWhole()
    }
  }

  /// Parses a value that stands at `pointer` inside a larger document (read a piece at a
  /// time, as ``JSONObjectStream`` does): nesting counts from that depth against
  /// ``maximumDepth``, and a failure's pointer starts with `pointer` (its line, column and
  /// offset are the piece's own).
  public func parse(_ bytes: some Collection<UInt8>, at pointer: JSONPointer)
    throws(JSONParseError) -> JSONValue
  {
    try Array(bytes).withUnsafeBufferPointer { buffer throws(JSONParseError) in
      var cursor = Cursor(bytes: buffer, maximumDepth: maximumDepth)
      cursor.base = pointer.tokens
      cursor.depth = pointer.tokens.count
      return try cursor.parseWhole()
    }
  }

  /// The document, or nil exactly where ``parse(_:)`` throws, without the failure's report:
  /// no message, line, column or pointer is made (for a document nested one level too deep,
  /// a pointer of 512 tokens). For callers that only keep whether it parsed, such as the
  /// fuzzer's oracles, which read every input.
  public func parseIfValid(_ bytes: [UInt8]) -> JSONValue? {
    bytes.withUnsafeBufferPointer { buffer in
      var cursor = Cursor(bytes: buffer, maximumDepth: maximumDepth, reportsFailures: false)
      return try? cursor.parseWhole()
    }
  }

  /// Parses a whole document given as text.
  public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

/// The parsing state: the bytes, the read position and how deep the current value is.
///
/// The path to the current value is not kept as the parse goes (an append and a removal per
/// value, with a string retained for each member): a failure is thrown without it, and each
/// container it passes through on its way out adds its step (``failurePath``), which
/// ``parseWhole()`` then writes into the error's pointer.
struct Cursor {
  /// One step of the path; an index becomes a pointer token only in a failure.
  enum Step {
    case member(String)
    case element(Int)
  }

  /// The document, valid while the parse runs (read without bounds checks: every read is
  /// behind an explicit `index < bytes.count`).
  let bytes: UnsafeBufferPointer<UInt8>
  let maximumDepth: Int
  /// Whether a failure is described (message, line, column, pointer); when not, a parse
  /// fails where it would otherwise, with ``unreportedFailure``.
  let reportsFailures: Bool
  var index = 0
  /// How many containers enclose the current value (counting those of ``base``).
  var depth = 0
  /// The pointer tokens of where the document stands in a larger one.
  var base: [String] = []
  /// The steps from a failure out to the root, innermost first, added as it unwinds.
  var failurePath: [Step] = []
  /// The failure a ``Stop`` stands for.
  var pendingFailure: JSONParseError?

  /// What the parsing functions throw: nothing but the fact that the parse stopped, the
  /// failure itself waiting in ``pendingFailure``. A recursive function that may throw a
  /// `JSONParseError` keeps room for one in its frame, and a document nested 512 levels
  /// deep stacks 512 of those frames.
  struct Stop: Error {}

  init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int, reportsFailures: Bool = true) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
    self.reportsFailures = reportsFailures
  }

  /// The failure of a parse that does not describe its failures.
  static let unreportedFailure = JSONParseError(
    reason: "not described", offset: 0, line: 1, column: 1, pointer: .root)

  /// The whole document, or its failure with the pointer of where it happened.
  mutating func parseWhole() throws(JSONParseError) -> JSONValue {
    do {
      return try parseDocument()
    } catch {
      guard var failure = pendingFailure else {
        preconditionFailure("a parse stopped without saying why")
      }
      guard reportsFailures else { throw failure }
      // The table read once, the tokens written into one array of their final size: per
      // token, the global's accessor and a mapped array's growth were a sixth of the parse
      // of a document nested one level too deep.
      let table = JSONPointer.indexTokens
      var tokens = base
      tokens.reserveCapacity(base.count + failurePath.count)
      for step in failurePath.reversed() {
        switch step {
        case .member(let key): tokens.append(key)
        case .element(let offset):
          tokens.append(JSONPointer.indexToken(offset, in: table))
        }
      }
      failure.pointer = JSONPointer(tokens: tokens)
      throw failure
    }
  }

  mutating func parseDocument() throws(Stop) -> JSONValue {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipWhitespace()
    guard index < bytes.count else { throw fail("empty document: expected a JSON value") }
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else {
      throw failUnexpected(" after the end of the document")
    }
    return value
  }

  mutating func parseValue() throws(Stop) -> JSONValue {
    guard index < bytes.count else { throw fail("unexpected end of input: expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw failUnexpected(": expected a value")
    }
  }

  mutating func parseObject() throws(Stop) -> JSONValue {
    try enterContainer()
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if consume(UInt8(ascii: "}")) { return .object(members) }
    // Room for a few members at once: growing from one member at a time reallocated an
    // object of four three times.
    members.reserveCapacity(4)
    depth += 1
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw fail(members.isEmpty ? "expected a member name or '}'" : "expected a member name")
      }
      let key = try parseString()
      skipWhitespace()
      guard consume(UInt8(ascii: ":")) else { throw fail("expected ':' after member name") }
      skipWhitespace()
      let value: JSONValue
      do {
        value = try parseValue()
      } catch {
        if reportsFailures { failurePath.append(.member(key)) }
        throw error
      }
      members.append(JSONMember(key, value))
      skipWhitespace()
      if consume(UInt8(ascii: ",")) { continue }
      if consume(UInt8(ascii: "}")) { break }
      throw fail("expected ',' or '}' after an object member")
    }
    depth -= 1
    return .object(members)
  }

  /// An array. One of a single element (every level of a nest of arrays) is made at its
  /// size at once; growing from empty took a reallocation path per level, a fifth of the
  /// parse of a document nested 512 deep.
  mutating func parseArray() throws(Stop) -> JSONValue {
    try enterContainer()
    index += 1
    skipWhitespace()
    if consume(UInt8(ascii: "]")) { return .array([]) }
    depth += 1
    let first = try parseElement(at: 0)
    skipWhitespace()
    if consume(UInt8(ascii: "]")) {
      depth -= 1
      return .array([first])
    }
    var elements: [JSONValue] = []
    elements.reserveCapacity(4)
    elements.append(first)
    while true {
      guard consume(UInt8(ascii: ",")) else {
        throw fail("expected ',' or ']' after an array element")
      }
      skipWhitespace()
      elements.append(try parseElement(at: elements.count))
      skipWhitespace()
      if consume(UInt8(ascii: "]")) { break }
    }
    depth -= 1
    return .array(elements)
  }

  /// The element at `offset` of the array being read; a failure in it adds its step.
  @inline(__always)
  mutating func parseElement(at offset: Int) throws(Stop) -> JSONValue {
    do {
      return try parseValue()
    } catch {
      if reportsFailures { failurePath.append(.element(offset)) }
      throw error
    }
  }

  mutating func enterContainer() throws(Stop) {
    guard depth < maximumDepth else { throw failTooDeep() }
  }

  mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Stop)
    -> JSONValue
  {
    guard bytes[index...].starts(with: word.utf8) else {
      throw fail("invalid literal: expected '\(word)'")
    }
    index += word.utf8.count
    return value
  }

  mutating func parseNumber() throws(Stop) -> String {
    let start = index
    _ = consume(UInt8(ascii: "-"))
    if consume(UInt8(ascii: "0")) {
      if index < bytes.count, isDigit(bytes[index]) {
        throw fail("invalid number: leading zeros are not allowed")
      }
    } else if try !consumeDigits() {
      throw fail("invalid number: expected a digit")
    }
    if consume(UInt8(ascii: ".")), try !consumeDigits() {
      throw fail("invalid number: expected a digit after '.'")
    }
    if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
      _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
      guard try consumeDigits() else {
        throw fail("invalid number: expected a digit in the exponent")
      }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  mutating func consumeDigits() throws(Stop) -> Bool {
    let start = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    return index > start
  }

  /// Reads a string. Runs of plain bytes are checked as UTF-8 and copied whole, and the text
  /// is made once: appending scalar by scalar made a 64 KiB string cost milliseconds.
  mutating func parseString() throws(Stop) -> String {
    index += 1
    // Most strings have no escape: scanned to their closing quote in a tight loop first,
    // eight bytes at a time while none of them can end the run (a 64 KiB string was a
    // tenth of an error target's time byte by byte).
    var end = index
    var bits: UInt8 = 0
    var wordBits: UInt64 = 0
    if let base = bytes.baseAddress {
      while end + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
        guard !Self.mayEndRun(word) else { break }
        wordBits |= word
        end += 8
      }
    }
    if wordBits & 0x8080_8080_8080_8080 != 0 { bits = 0x80 }
    while end < bytes.count {
      let byte = bytes[end]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      bits |= byte
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let run = index..<end
      index = end + 1
      if bits < 0x80 {
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self)
      }
      return try validated(run)
    }
    var unescaped: [UInt8] = []
    var hasEscape = false
    var runStart = index
    var runBits: UInt8 = 0  // the bits of the run's bytes: 0x80 is set unless it is ASCII
    while true {
      guard index < bytes.count else { throw fail("unterminated string") }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let run = runStart..<index
        index += 1
        if !hasEscape {
          if runBits < 0x80 {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self)
          }
          return try validated(run)
        }
        if runBits >= 0x80 { _ = try validated(run) }
        unescaped.append(contentsOf: bytes[run])
        return String(decoding: unescaped, as: UTF8.self)
      } else if byte == UInt8(ascii: "\\") {
        if runBits >= 0x80 { _ = try validated(runStart..<index) }
        if !hasEscape {
          hasEscape = true
          unescaped.reserveCapacity(index - runStart + 64)
        }
        unescaped.append(contentsOf: bytes[runStart..<index])
        index += 1
        let scalar = try parseEscape()
        if scalar.isASCII {
          unescaped.append(UInt8(scalar.value))
        } else {
          unescaped.append(contentsOf: UTF8.encode(scalar)!)
        }
        runStart = index
        runBits = 0
      } else if byte < 0x20 {
        throw fail("unescaped control character 0x\(hex(byte)) in a string")
      } else {
        runBits |= byte
        index += 1
      }
    }
  }

  /// Whether one of the eight bytes of `word` may be a quote, a backslash or a control
  /// character (below 0x20): never false when one is (it may be true when none is; the
  /// bytes are then read one by one).
  @inline(__always)
  static func mayEndRun(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
    let controls = (word &- ones &* 0x20) & ~word & highs != 0
    return controls || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
  }

  /// The text of `bytes[run]`, or a failure at the first byte that does not begin a valid
  /// UTF-8 sequence.
  mutating func validated(_ run: Range<Int>) throws(Stop) -> String {
    let text = String(validating: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self)
    if let text { return text }
    guard reportsFailures else { throw fail("") }
    var iterator = bytes[run].makeIterator()
    var decoder = UTF8()
    var offset = run.lowerBound
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      offset += UTF8.width(scalar)
    }
    throw fail("invalid UTF-8 in a string", at: offset)
  }

  mutating func parseEscape() throws(Stop) -> Unicode.Scalar {
    guard index < bytes.count else { throw fail("unterminated escape sequence") }
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
    default: throw fail("invalid escape sequence '\\\(describeByteText(byte))'", at: index - 1)
    }
  }

  mutating func parseUnicodeEscape() throws(Stop) -> Unicode.Scalar {
    let high = try parseHexQuad()
    if (0xDC00...0xDFFF).contains(high) {
      throw fail("unpaired low surrogate \\u\(hex4(high))", at: index - 6)
    }
    guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
    guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
      throw fail("unpaired high surrogate \\u\(hex4(high))", at: index - 6)
    }
    index += 2
    let low = try parseHexQuad()
    guard (0xDC00...0xDFFF).contains(low) else {
      throw fail("high surrogate \\u\(hex4(high)) not followed by a low one", at: index - 12)
    }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
  }

  mutating func parseHexQuad() throws(Stop) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw fail("expected four hexadecimal digits after \\u")
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

  /// Stops the parse with `reason` at `offset` (the current index by default).
  @inline(never)
  mutating func fail(_ reason: String, at offset: Int? = nil) -> Stop {
    pendingFailure = reportsFailures ? failure(reason, at: offset) : Self.unreportedFailure
    return Stop()
  }

  /// Stops the parse at an unexpected byte (or the end): `unexpected character 'x'` and
  /// `suffix`. Out of line, as every message made with interpolation: its making would
  /// otherwise take room in the frames of the recursive functions.
  @inline(never)
  mutating func failUnexpected(_ suffix: String) -> Stop {
    guard reportsFailures else { return fail("") }
    return fail("unexpected \(describeByte(at: index))" + suffix)
  }

  /// Stops the parse at a container nested too deep.
  @inline(never)
  mutating func failTooDeep() -> Stop {
    guard reportsFailures else { return fail("") }
    return fail("nesting deeper than \(maximumDepth) levels")
  }

  func failure(_ reason: String, at offset: Int? = nil) -> JSONParseError {
    let offset = min(offset ?? index, bytes.count)
    // The newlines before the offset, counted in one plain loop (the generic count and
    // search were a failure's main cost on long documents).
    var line = 1
    var lineStart = 0
    var position = 0
    while position < offset {
      if bytes[position] == 0x0A {
        line += 1
        lineStart = position + 1
      }
      position += 1
    }
    return JSONParseError(
      reason: reason, offset: offset, line: line, column: offset - lineStart + 1,
      pointer: .root)
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
  byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
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
