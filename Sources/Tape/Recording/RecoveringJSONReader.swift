import JSONTree

/// Reads whatever JSON a broken document still holds, so that the secret scan sees every
/// value of a cassette that is not valid JSON: one with merge-conflict markers (both sides
/// are read, the marker lines skipped), one cut short (what came before the cut), one with
/// invalid UTF-8 (replaced by U+FFFD) or stray text.
///
/// It never fails: a missing comma is passed over, a value with no key is kept under the
/// key before it, a string runs at most to the end of its line, containers left open are
/// closed at the end, and several top-level values become an array. Every value read keeps
/// the byte offset it starts at (``Node``), so a hit can name its line and column. Text
/// outside any value (stray words, the marker lines) is kept too, to be scanned as text.
struct RecoveringJSONReader {
  /// Where a value starts, and where its elements or members do (in order).
  struct Node: Sendable {
    var offset: Int
    var children: [Node] = []
  }

  /// What a document holds.
  struct Document: Sendable {
    var value: JSONValue
    var node: Node
    /// Text outside any value, with its offset.
    var strayText: [(offset: Int, text: String)]
    /// The offset of each line's first byte.
    var lineStarts: [Int]

    /// `line 12, column 7` for a byte offset (both 1-based, the column in bytes, as
    /// `JSONParseError` counts them).
    func position(of offset: Int) -> String {
      var low = 0
      var high = lineStarts.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if lineStarts[middle] <= offset { low = middle } else { high = middle }
      }
      return "line \(low + 1), column \(offset - lineStarts[low] + 1)"
    }
  }

  /// The deepest nesting read as such; deeper containers' values are read into the
  /// container at this depth.
  static let maximumDepth = 512

  private let bytes: [UInt8]
  private var index = 0
  private var stray: [(offset: Int, text: String)] = []

  private init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// What `bytes` hold, read as far as it goes.
  static func read(_ bytes: [UInt8]) -> Document {
    var reader = RecoveringJSONReader(bytes)
    var values: [JSONValue] = []
    var nodes: [Node] = []
    while true {
      reader.skipSpace()
      guard reader.index < bytes.count else { break }
      if let (value, node) = reader.readValue(depth: 0) {
        values.append(value)
        nodes.append(node)
      } else {
        reader.skipStrayLine()
      }
    }
    let document: (JSONValue, Node) =
      values.count == 1 ? (values[0], nodes[0]) : (.array(values), Node(offset: 0, children: nodes))
    let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    return Document(
      value: document.0, node: document.1, strayText: reader.stray, lineStarts: lineStarts)
  }

  /// A value starting here, or nil (nothing consumed) when none does.
  private mutating func readValue(depth: Int) -> (JSONValue, Node)? {
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{") where depth < Self.maximumDepth:
      index += 1
      return readObject(start: start, depth: depth + 1)
    case UInt8(ascii: "[") where depth < Self.maximumDepth:
      index += 1
      return readArray(start: start, depth: depth + 1)
    case UInt8(ascii: "\""):
      return (.string(readString()), Node(offset: start))
    case UInt8(ascii: "-"), 0x30...0x39:
      while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
      return (.number(String(decoding: bytes[start..<index], as: UTF8.self)), Node(offset: start))
    default:
      for (word, value) in [
        ("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null),
      ]
      where bytes[index...].starts(with: word.utf8) {
        index += word.utf8.count
        return (value, Node(offset: start))
      }
      return nil
    }
  }

  private mutating func readObject(start: Int, depth: Int) -> (JSONValue, Node) {
    var members: [JSONMember] = []
    var node = Node(offset: start)
    var key = ""
    while true {
      skipSpace()
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "}") {
        index += 1
        break
      }
      if byte == UInt8(ascii: "]") { break }  // the enclosing array's end: this object is cut
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
        index += 1
        continue
      }
      if byte == UInt8(ascii: "\"") {
        let stringStart = index
        let text = readString()
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
          index += 1
          key = text
          skipSpace()
          if index < bytes.count, let (value, child) = readValue(depth: depth) {
            members.append(JSONMember(key, value))
            node.children.append(child)
          }
        } else {
          // A value with no key (the other side of a conflict): kept under the key before.
          members.append(JSONMember(key, .string(text)))
          node.children.append(Node(offset: stringStart))
        }
        continue
      }
      if let (value, child) = readValue(depth: depth) {
        members.append(JSONMember(key, value))
        node.children.append(child)
      } else {
        skipStray()
      }
    }
    return (.object(members), node)
  }

  private mutating func readArray(start: Int, depth: Int) -> (JSONValue, Node) {
    var elements: [JSONValue] = []
    var node = Node(offset: start)
    while true {
      skipSpace()
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "]") {
        index += 1
        break
      }
      if byte == UInt8(ascii: "}") { break }  // the enclosing object's end: this array is cut
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
        index += 1
        continue
      }
      if let (value, child) = readValue(depth: depth) {
        elements.append(value)
        node.children.append(child)
      } else {
        skipStray()
      }
    }
    return (.array(elements), node)
  }

  /// A string from its opening quote to its closing one, or to the end of its line or of the
  /// document when it has none; escapes decoded as far as they make sense, invalid UTF-8
  /// replaced.
  private mutating func readString() -> String {
    index += 1
    var text: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        break
      }
      if byte == 0x0A || byte == 0x0D { break }
      index += 1
      guard byte == UInt8(ascii: "\\"), index < bytes.count else {
        text.append(byte)
        continue
      }
      let escaped = bytes[index]
      index += 1
      switch escaped {
      case UInt8(ascii: "b"): text.append(0x08)
      case UInt8(ascii: "f"): text.append(0x0C)
      case UInt8(ascii: "n"): text.append(0x0A)
      case UInt8(ascii: "r"): text.append(0x0D)
      case UInt8(ascii: "t"): text.append(0x09)
      case UInt8(ascii: "u"): text += readUnicodeEscape()
      default: text.append(escaped)
      }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The UTF-8 bytes of a `\u` escape (the `\u` read), a surrogate pair joined; U+FFFD for
  /// one that does not decode.
  private mutating func readUnicodeEscape() -> [UInt8] {
    guard let high = readHexQuad() else { return Array("\u{FFFD}".utf8) }
    var scalar = Unicode.Scalar(high)
    if (0xD800...0xDBFF).contains(high), bytes[index...].starts(with: Array(#"\u"#.utf8)) {
      let mark = index
      index += 2
      if let low = readHexQuad(), (0xDC00...0xDFFF).contains(low) {
        scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      } else {
        index = mark
      }
    }
    return Array(String(scalar ?? "\u{FFFD}").utf8)
  }

  private mutating func readHexQuad() -> UInt32? {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
    else { return nil }
    index += 4
    return value
  }

  /// Skips spaces and line breaks, and each merge-conflict marker line (kept as stray text).
  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      case UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "|"):
        guard Self.isConflictMarker(bytes, lineStartingAt: index) else { return }
        let start = index
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        stray.append((start, String(decoding: bytes[start..<index], as: UTF8.self)))
      default:
        return
      }
    }
  }

  /// Skips stray text up to the next space or structural character (at least one byte),
  /// keeping it.
  private mutating func skipStray() {
    let start = index
    index += 1
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "\""):
        stray.append((start, String(decoding: bytes[start..<index], as: UTF8.self)))
        return
      default:
        index += 1
      }
    }
    stray.append((start, String(decoding: bytes[start..<index], as: UTF8.self)))
  }

  /// Skips stray text outside any value up to the end of its line, keeping it.
  private mutating func skipStrayLine() {
    let start = index
    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    stray.append((start, String(decoding: bytes[start..<index], as: UTF8.self)))
  }

  private func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "e"), UInt8(ascii: "E"):
      true
    default: false
    }
  }

  /// Whether a merge-conflict marker (`<<<<<<<`, `|||||||`, `=======` or `>>>>>>>`, then a
  /// space or the end of the line) starts the line at `start`.
  static func isConflictMarker(_ bytes: [UInt8], lineStartingAt start: Int) -> Bool {
    guard start == 0 || bytes[start - 1] == 0x0A, start + 7 <= bytes.count else { return false }
    let first = bytes[start]
    guard "<=>|".utf8.contains(first), bytes[start..<start + 7].allSatisfy({ $0 == first })
    else { return false }
    return start + 7 == bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[start + 7])
  }

  /// The 1-based line of each merge-conflict marker in `bytes`.
  static func conflictMarkerLines(in bytes: [UInt8]) -> [Int] {
    var lines: [Int] = []
    var line = 1
    var start = 0
    while start < bytes.count {
      if isConflictMarker(bytes, lineStartingAt: start) { lines.append(line) }
      guard let newline = bytes[start...].firstIndex(of: 0x0A) else { break }
      start = newline + 1
      line += 1
    }
    return lines
  }
}
