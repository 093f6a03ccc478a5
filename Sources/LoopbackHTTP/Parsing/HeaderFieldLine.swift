/// Parsing of one header (or trailer) field line: `field-name ":" OWS field-value OWS`.
enum HeaderFieldLine {
  /// Parses one line (without its CRLF): a token name directly followed by a colon, a value
  /// of tab, space, visible ASCII and valid UTF-8; no line folding, no control bytes.
  /// `removingWhitespaceBeforeColon` accepts spaces and tabs between the name and the colon
  /// and drops them, as a proxy must from a response (RFC 9112 §5.1); a request with them is
  /// refused.
  static func parse(
    _ line: UnsafeBufferPointer<UInt8>, removingWhitespaceBeforeColon: Bool = false
  ) throws(MessageRejection) -> (name: String, value: String) {
    guard let first = line.first, !HTTPGrammar.isWhitespace(first) else {
      throw .badRequest("a header line starts with whitespace (obsolete line folding)")
    }
    guard let colon = line.firstIndex(of: HTTPGrammar.colon), colon > 0 else {
      throw .badRequest("a header line has no field name and colon")
    }
    var nameEnd = colon
    if removingWhitespaceBeforeColon {
      while nameEnd > 0 && HTTPGrammar.isWhitespace(line[nameEnd - 1]) { nameEnd -= 1 }
    }
    guard line[..<nameEnd].allSatisfy(HTTPGrammar.isTokenByte) else {
      throw .badRequest("a field name is not a token")
    }
    var valueStart = colon + 1
    var valueEnd = line.count
    while valueStart < valueEnd && HTTPGrammar.isWhitespace(line[valueStart]) { valueStart += 1 }
    while valueEnd > valueStart && HTTPGrammar.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
    let valueBytes = line[valueStart..<valueEnd]
    guard valueBytes.allSatisfy(HTTPGrammar.isFieldValueByte) else {
      throw .badRequest("a field value holds a control byte")
    }
    guard let value = String(validating: valueBytes, as: UTF8.self) else {
      throw .badRequest("a field value is not valid UTF-8")
    }
    return (String(decoding: line[..<nameEnd], as: UTF8.self), value)
  }
}
