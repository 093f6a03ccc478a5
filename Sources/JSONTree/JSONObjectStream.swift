/// Reads a JSON document whose root is an object a piece at a time: each member's value,
/// or each element of an array-valued member the caller asks for, is found by a quick scan
/// of its extent, parsed on its own by ``JSONParser`` and handed over, then dropped. Memory
/// holds one piece (the largest member value or element), never the whole document, and
/// the time is linear in the document's size.
///
/// The document is checked as strictly as ``JSONParser`` checks a whole one (the same
/// grammar, UTF-8 validation and nesting limit, counted from the root); a failure names the
/// line, column and byte offset in the whole document and the pointer of the value.
public struct JSONObjectStream {
  /// Why a document could not be read.
  public enum Failure: Error, Sendable {
    /// It is not valid JSON (or not read whole: its root is not an object).
    case invalid(JSONParseError)
    /// It is larger than the limit given, in bytes.
    case tooLarge(limit: Int)
  }

  /// One piece handed to the caller.
  public enum Piece {
    /// A member of the root object, its value whole.
    case member(key: String, value: JSONValue)
    /// The start of an array-valued member whose elements come one by one.
    case arrayStart(key: String)
    /// An element of such a member.
    case element(key: String, index: Int, value: JSONValue)
    /// The end of such a member, after its `count` elements.
    case arrayEnd(key: String, count: Int)
  }

  private let nextChunk: () throws -> [UInt8]
  private let limit: Int
  private let maximumDepth: Int
  /// The bytes read and not yet dropped; `bytes[0]` is at ``base`` in the document.
  private var bytes: [UInt8] = []
  private var base = 0
  private var index = 0
  private var atEnd = false
  /// Lines before ``base``, and where the line holding ``base`` starts.
  private var linesBefore = 0
  private var lineStart = 0

  /// A stream over the chunks `nextChunk` returns (an empty one at the end), refusing a
  /// document past `limit` bytes; `nextChunk`'s own errors are rethrown as they are.
  public init(limit: Int, maximumDepth: Int = 512, nextChunk: @escaping () throws -> [UInt8]) {
    self.limit = limit
    self.maximumDepth = maximumDepth
    self.nextChunk = nextChunk
  }

  /// Whether the document's first value (after spaces and a byte order mark) is an object;
  /// false for anything else, which the caller reads whole.
  public mutating func startsWithObject() throws -> Bool {
    if try fill(3), bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    try skipWhitespace()
    return try fill(1) && bytes[index] == UInt8(ascii: "{")
  }

  /// Reads the root object to its end, handing each piece to `body`: the elements of an
  /// array-valued member one by one when its key is in `streamed` (every array-valued
  /// member when it is nil), every other value whole. Call ``startsWithObject()`` first.
  public mutating func read(streaming streamed: Set<String>?, _ body: (Piece) throws -> Void)
    throws
  {
    index += 1
    try skipWhitespace()
    if try consume(UInt8(ascii: "}")) { return try finish() }
    var first = true
    while true {
      try skipWhitespace()
      guard try fill(1), bytes[index] == UInt8(ascii: "\"") else {
        throw failure(first ? "expected a member name or '}'" : "expected a member name", [])
      }
      first = false
      let keyEnd = try extent()
      let key = try parsePiece(index..<keyEnd, at: .root).stringValue ?? ""
      index = keyEnd
      try skipWhitespace()
      guard try consume(UInt8(ascii: ":")) else {
        throw failure("expected ':' after member name", [key])
      }
      try skipWhitespace()
      guard try fill(1) else { throw failure("unexpected end of input: expected a value", [key]) }
      if bytes[index] == UInt8(ascii: "["), streamed?.contains(key) ?? true {
        try readElements(of: key, body)
      } else {
        let end = try extent()
        let value = try parsePiece(index..<end, at: JSONPointer(tokens: [key]))
        index = end
        drop()
        try body(.member(key: key, value: value))
      }
      try skipWhitespace()
      if try consume(UInt8(ascii: ",")) { continue }
      if try consume(UInt8(ascii: "}")) { break }
      throw failure("expected ',' or '}' after an object member", [])
    }
    try finish()
  }

  private mutating func readElements(of key: String, _ body: (Piece) throws -> Void) throws {
    try body(.arrayStart(key: key))
    index += 1
    try skipWhitespace()
    var count = 0
    if try !consume(UInt8(ascii: "]")) {
      while true {
        try skipWhitespace()
        guard try fill(1) else {
          throw failure("unexpected end of input: expected a value", [key, String(count)])
        }
        let end = try extent()
        let value = try parsePiece(index..<end, at: JSONPointer(tokens: [key, String(count)]))
        index = end
        drop()
        try body(.element(key: key, index: count, value: value))
        count += 1
        try skipWhitespace()
        if try consume(UInt8(ascii: ",")) { continue }
        if try consume(UInt8(ascii: "]")) { break }
        throw failure("expected ',' or ']' after an array element", [key])
      }
    }
    try body(.arrayEnd(key: key, count: count))
  }

  /// Only spaces may follow the root object.
  private mutating func finish() throws {
    try skipWhitespace()
    if try fill(1) {
      let byte = bytes[index]
      let hex = String(byte, radix: 16, uppercase: true)
      let shown =
        (0x21...0x7E).contains(byte)
        ? String(UnicodeScalar(byte)) : "0x\(hex.count == 1 ? "0" : "")\(hex)"
      throw failure("unexpected character '\(shown)' after the end of the document", [])
    }
  }

  // MARK: - Bytes

  /// Whether `count` bytes from ``index`` are read (reading more as needed).
  private mutating func fill(_ count: Int) throws -> Bool {
    while bytes.count - index < count {
      guard !atEnd else { return false }
      let chunk = try nextChunk()
      if chunk.isEmpty {
        atEnd = true
        return false
      }
      guard base + bytes.count + chunk.count <= limit else { throw Failure.tooLarge(limit: limit) }
      bytes += chunk
    }
    return true
  }

  /// Forgets the bytes before ``index`` (counting their lines) once they are many.
  private mutating func drop() {
    guard index >= 1 << 20, index * 2 >= bytes.count else { return }
    for offset in 0..<index where bytes[offset] == 0x0A {
      linesBefore += 1
      lineStart = base + offset + 1
    }
    bytes.removeFirst(index)
    base += index
    index = 0
  }

  private mutating func skipWhitespace() throws {
    while try fill(1) {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func consume(_ byte: UInt8) throws -> Bool {
    guard try fill(1), bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Where the value starting at ``index`` ends, found without judging it (the parse of the
  /// piece does): a string to its closing quote, a container to its matching close outside
  /// strings, anything else to the next delimiter; the end of input ends a broken one.
  private mutating func extent() throws -> Int {
    var cursor = index
    var depth = 0
    var inString = false
    while true {
      if cursor == bytes.count {
        guard try fill(cursor - index + 1) else { return cursor }
      }
      let byte = bytes[cursor]
      cursor += 1
      if inString {
        if byte == UInt8(ascii: "\\") {
          cursor += 1
          if cursor > bytes.count, try !fill(cursor - index) { return bytes.count }
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          if depth == 0 { return cursor }
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if depth == 0 { return cursor - 1 }
        depth -= 1
        if depth == 0 { return cursor }
      case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
        if depth == 0 { return cursor - 1 }
      default: break
      }
    }
  }

  /// The value of `range` (bytes), parsed as standing at `pointer`; a failure is placed in
  /// the whole document.
  private func parsePiece(_ range: Range<Int>, at pointer: JSONPointer) throws -> JSONValue {
    do {
      return try JSONParser(maximumDepth: maximumDepth).parse(bytes[range], at: pointer)
    } catch {
      let start = position(of: range.lowerBound)
      throw Failure.invalid(
        JSONParseError(
          reason: error.reason, offset: base + range.lowerBound + error.offset,
          line: start.line + error.line - 1,
          column: error.line == 1 ? start.column + error.column - 1 : error.column,
          pointer: error.pointer))
    }
  }

  /// A failure at ``index``.
  private func failure(_ reason: String, _ tokens: [String]) -> Failure {
    let place = position(of: index)
    return .invalid(
      JSONParseError(
        reason: reason, offset: base + index, line: place.line, column: place.column,
        pointer: JSONPointer(tokens: tokens)))
  }

  /// The line and column (1-based, in bytes) of `bytes[offset]`.
  private func position(of offset: Int) -> (line: Int, column: Int) {
    var line = linesBefore + 1
    var start = lineStart
    for scan in 0..<min(offset, bytes.count) where bytes[scan] == 0x0A {
      line += 1
      start = base + scan + 1
    }
    return (line, base + offset - start + 1)
  }
}
