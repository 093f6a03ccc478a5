/// The byte classes of the HTTP/1.1 grammar (RFC 9110 §5.6, RFC 9112).
enum HTTPGrammar {
  static let carriageReturn = UInt8(ascii: "\r")
  static let lineFeed = UInt8(ascii: "\n")
  static let space = UInt8(ascii: " ")
  static let horizontalTab = UInt8(ascii: "\t")
  static let colon = UInt8(ascii: ":")
  static let semicolon = UInt8(ascii: ";")

  /// `tchar`: the bytes of a method, a field name or a transfer coding.
  static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "#"),
      UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
      UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }

  /// Whether every byte of `text` is a `tchar` and there is at least one.
  static func isToken(_ text: some StringProtocol) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
  }

  /// The bytes of a request target: visible ASCII, no space.
  static func isTargetByte(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F
  }

  /// The bytes allowed inside a field value: tab, space, visible ASCII and `obs-text`
  /// (0x80 and above); no other control byte, no DEL.
  static func isFieldValueByte(_ byte: UInt8) -> Bool {
    byte == horizontalTab || (byte >= 0x20 && byte != 0x7F)
  }

  /// Whether `byte` is optional whitespace (space or tab).
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == space || byte == horizontalTab
  }

  /// The value of a hexadecimal digit, either case.
  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The byte with ASCII upper case letters folded to lower case.
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }

  /// Splits a list-valued field (`a, b ,c`) at commas, trimming optional whitespace around
  /// each element; empty elements are kept as empty strings so callers can refuse them.
  static func listElements(_ value: String) -> [Substring] {
    value.split(separator: ",", omittingEmptySubsequences: false).map(trimmingWhitespace)
  }

  /// The text without leading and trailing spaces and tabs.
  static func trimmingWhitespace(_ text: Substring) -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !isBlank($0) }),
      let last = text.lastIndex(where: { !isBlank($0) })
    else { return text[text.endIndex...] }
    return text[first...last]
  }
}
