/// A parsed status line: `HTTP-version SP status-code SP [reason-phrase]` (RFC 9112 §4).
struct StatusLine: StartLine {
  static let name = "status line"
  static let skipsLeadingEmptyLines = false
  static let removesWhitespaceBeforeColon = true

  /// The protocol version (a later 1.x is read as 1.1).
  let version: HTTPVersion
  /// The three-digit status code, 100...999.
  let status: Int
  /// The reason phrase as sent; nil when it is not valid UTF-8.
  let reasonPhrase: String?

  /// Parses one line (without its CRLF): `HTTP/1.x`, one space, three digits from 100, then a
  /// space and a reason phrase of tab, space, visible ASCII and `obs-text` (the space and
  /// phrase may be missing, as some servers send them).
  static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(MessageRejection) -> StatusLine {
    let prefix = Array("HTTP/".utf8)
    guard line.count >= 8, Array(line[0..<5]) == prefix, line[6] == UInt8(ascii: "."),
      let major = digit(line[5]), let minor = digit(line[7])
    else { throw .badRequest("the status line does not begin with HTTP/<digit>.<digit>") }
    guard major == 1 else {
      throw MessageRejection(status: 505, detail: "the answer is HTTP/\(major).\(minor), not 1.x")
    }
    guard line.count >= 12, line[8] == HTTPGrammar.space,
      let hundreds = digit(line[9]), let tens = digit(line[10]), let units = digit(line[11]),
      hundreds >= 1
    else { throw .badRequest("the status line has no three-digit status code from 100") }
    guard line.count == 12 || line[12] == HTTPGrammar.space else {
      throw .badRequest("the status code is not followed by a space")
    }
    let phrase = line.count > 13 ? line[13...] : line[line.count...]
    guard phrase.allSatisfy(HTTPGrammar.isFieldValueByte) else {
      throw .badRequest("the reason phrase holds a control byte")
    }
    return StatusLine(
      version: HTTPVersion(major: 1, minor: min(minor, 1)),
      status: hundreds * 100 + tens * 10 + units,
      reasonPhrase: String(validating: phrase, as: UTF8.self))
  }

  private static func digit(_ byte: UInt8) -> Int? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
  }
}
