import CloudProgress
import Foundation
import Testing

/// A text body's message is the body trimmed exactly as
/// `trimmingCharacters(in: .whitespacesAndNewlines)` trims it, and a JSON string body of
/// whitespace alone is no message; `CloudError` trims without that Foundation call (which
/// copied the whole body through UTF-16), so the two are compared scalar by scalar.
@Suite("CloudError whitespace")
struct CloudErrorWhitespaceTests {
  /// Every scalar of the Basic Multilingual Plane in `CharacterSet.whitespacesAndNewlines`,
  /// and neighbours that are not in it (format characters, a combining mark, U+FFFD).
  static let scalars: [Unicode.Scalar] = {
    let whitespace = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter {
      CharacterSet.whitespacesAndNewlines.contains($0)
    }
    let others: [Unicode.Scalar] = [
      "\u{0}", "\u{8}", "\u{E}", "\u{1F}", "\u{7F}", "\u{84}", "\u{86}", "\u{9F}", "\u{180E}",
      "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{301}", "\u{FFFD}", "x", "\u{1F600}",
    ]
    return whitespace + others
  }()

  func read(_ body: [UInt8]) -> CloudError {
    CloudError(httpStatus: 500, requestID: nil, body: Data(body))
  }

  @Test("CharacterSet.whitespacesAndNewlines has the Unicode spaces and line breaks")
  func scalarsAreThere() {
    #expect(Self.scalars.count > 25)
    #expect(Self.scalars.contains("\u{3000}"))
    #expect(Self.scalars.contains("\u{85}"))
  }

  @Test("a text body is trimmed as trimmingCharacters(in: .whitespacesAndNewlines) trims it")
  func textBodies() {
    for scalar in Self.scalars {
      let s = String(scalar)
      for text in [s, s + "x" + s, s + s + "a b" + s, "x" + s + "\u{301}", s + "\u{301}x"] {
        let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let message = read(Array(text.utf8)).message
        #expect(
          message == (expected.isEmpty ? "(empty body)" : expected),
          "U+\(String(scalar.value, radix: 16)) in \(Array(text.unicodeScalars))")
      }
    }
  }

  @Test("invalid UTF-8 becomes U+FFFD and is not trimmed")
  func invalidUTF8() {
    #expect(read([0x20, 0xFF, 0x20, 0x78, 0x0A]).message == "\u{FFFD} x")
    #expect(read([0xE3, 0x80]).message == "\u{FFFD}")
  }

  @Test("a JSON string of whitespace alone is no message; other strings stay untrimmed")
  func jsonStringBodies() {
    for scalar in Self.scalars {
      let s = String(scalar)
      let isWhitespace = s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      let body = escapedJSONString(s + s)
      #expect(
        read(Array(body.utf8)).message == (isWhitespace ? "(empty string body)" : s + s),
        "U+\(String(scalar.value, radix: 16))")
    }
  }

  /// `text` as a JSON string literal, every scalar escaped as `\uXXXX` (UTF-16).
  func escapedJSONString(_ text: String) -> String {
    "\"" + text.utf16.map { "\\u" + String(format: "%04X", $0) }.joined() + "\""
  }
}
