/// Helpers for header names and values: ASCII case folding, the RFC 9110 token syntax and the
/// whitespace trimming of canonical headers.
enum HeaderName {
  /// `name` with ASCII letters lowercased (header names compare case-insensitively).
  static func lowercased(_ name: String) -> String {
    var bytes = Array(name.utf8)
    for index in bytes.indices where (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index])
    {
      bytes[index] += 32
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `name` is a non-empty RFC 9110 token, the syntax of a header name.
  static func isToken(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.allSatisfy(isTokenCharacter)
  }

  /// `value` without leading and trailing spaces, tabs, carriage returns and line feeds.
  static func trimmed(_ value: String) -> String {
    let scalars = value.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
      let last = scalars.lastIndex(where: { !isWhitespace($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
  }

  private static func isTokenCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default:
      "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }
}
