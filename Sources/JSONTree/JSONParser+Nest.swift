/// What ``JSONParser/parseNest(_:)`` found in a document.
package enum JSONNestParse: Equatable, Sendable {
  /// The document is `depth` arrays of one element each around `innermost` (`[[[1]]]` is
  /// 3 around `1`; `[[]]` is 1 around `[]`): what ``JSONParser/parse(_:)`` returns is
  /// `innermost` wrapped so.
  case nest(depth: Int, innermost: JSONValue)
  /// The document is not such a nest (it does not begin with `[`, or some array of the
  /// nest has a second element); parse it whole.
  case notNest
  /// The document does not parse: ``JSONParser/parse(_:)`` throws.
  case invalid
}

extension JSONParser {
  /// Reads a document that is a nest of one-element arrays (the fuzzer's deepest bodies,
  /// 511 to 513 levels) without building the arrays: only the innermost value is built.
  /// ``JSONNestParse/invalid`` exactly where ``parse(_:)`` throws (with no failure report);
  /// ``JSONNestParse/notNest`` for any other document, whether it parses or not.
  package func parseNest(_ bytes: [UInt8]) -> JSONNestParse {
    bytes.withUnsafeBufferPointer { buffer in
      var cursor = Cursor(bytes: buffer, maximumDepth: maximumDepth, reportsFailures: false)
      return cursor.parseNest()
    }
  }
}

extension Cursor {
  /// The nest at the start of the document, read as ``parseDocument()`` and
  /// ``parseArray()`` would read it: the same depth check before each array, the same
  /// whitespace, the innermost value read by ``parseValue()`` at the depth it stands at.
  mutating func parseNest() -> JSONNestParse {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipWhitespace()
    let start = index
    var opened = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: "[") {
      guard depth < maximumDepth else { return .invalid }
      index += 1
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") { break }  // an empty array
      depth += 1
      opened += 1
    }
    guard index > start else { return .notNest }  // no array at all
    let innermost: JSONValue
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      innermost = .array([])
    } else {
      do {
        innermost = try parseValue()
      } catch {
        return .invalid
      }
    }
    for _ in 0..<opened {
      skipWhitespace()
      guard index < bytes.count else { return .invalid }
      if bytes[index] == UInt8(ascii: ",") { return .notNest }
      guard bytes[index] == UInt8(ascii: "]") else { return .invalid }
      index += 1
    }
    skipWhitespace()
    return index == bytes.count ? .nest(depth: opened, innermost: innermost) : .invalid
  }
}
