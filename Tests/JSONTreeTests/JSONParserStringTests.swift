import JSONTree
import Testing

/// Strings are read run by run (plain bytes checked as UTF-8 and copied whole, escapes in
/// between); these pin the text and the errors that reading gives.
@Suite("JSONParser strings")
struct JSONParserStringTests {
  let parser = JSONParser()

  @Test("a long string mixing ASCII, multi-byte UTF-8 and escapes reads back exactly")
  func longMixedString() throws {
    let pieces = ["plain ", "é", "导入成功", "😀", "\"", "\\", "\n", "\u{1}", "\u{2028}", "/"]
    let text = (0..<7_000).map { pieces[$0 % pieces.count] }.joined()
    #expect(try parser.parse(JSONValue.string(text).serialized()) == .string(text))
    let escaped = #""\u00e9\u5BFC\ud83d\ude00 \u0041é导\t""#
    #expect(try parser.parse(escaped) == .string("é导😀 Aé导\t"))
  }

  @Test("a string of 64 KiB without escapes is read whole", arguments: ["a", "导"])
  func hugeStringWithoutEscapes(unit: String) throws {
    let text = String(repeating: unit, count: 65_536)
    #expect(try parser.parse("[\"\(text)\"]") == .array([.string(text)]))
  }

  struct BadString: Sendable, CustomStringConvertible {
    var name: String
    var bytes: [UInt8]
    var reason: String
    var offset: Int
    var description: String { name }
  }

  @Test(
    "invalid UTF-8 is reported at its first byte, wherever the run is",
    arguments: [
      BadString(
        name: "far into a long run",
        bytes: [0x22] + Array(repeating: 0x61, count: 70_000) + [0xFF, 0x22],
        reason: "invalid UTF-8 in a string", offset: 70_001),
      BadString(
        name: "after an escape", bytes: Array(#""\n\u00e9é"#.utf8) + [0xC3, 0x28, 0x22],
        reason: "invalid UTF-8 in a string", offset: 11),
      BadString(
        name: "a truncated sequence before an escape",
        bytes: Array(#"["ab"#.utf8) + [0xE2, 0x82] + Array(#"\n"]"#.utf8),
        reason: "invalid UTF-8 in a string", offset: 4),
      BadString(
        name: "an encoded surrogate", bytes: [0x22, 0x61, 0xED, 0xA0, 0x80, 0x22],
        reason: "invalid UTF-8 in a string", offset: 2),
      BadString(
        name: "invalid UTF-8 is found before a bad escape that follows it",
        bytes: [0x22, 0xFF] + Array(#"\x""#.utf8), reason: "invalid UTF-8 in a string", offset: 1
      ),
      BadString(
        name: "an unescaped control character is found before invalid UTF-8 before it",
        bytes: [0x22, 0xFF, 0x01, 0x22], reason: "unescaped control character 0x01 in a string",
        offset: 2),
      BadString(
        name: "unterminated after invalid UTF-8", bytes: [0x22, 0x61, 0xFF],
        reason: "unterminated string", offset: 3),
    ])
  func invalidUTF8(_ bad: BadString) {
    let error = #expect(throws: JSONParseError.self) { try parser.parse(bad.bytes) }
    #expect(error?.reason == bad.reason)
    #expect(error?.offset == bad.offset)
  }

  @Test("a quote, an escape, a control byte or a non-ASCII byte is found at any place of a run")
  func specialByteAtEveryPlace() throws {
    for length in 1...40 {
      for place in 0..<length {
        var plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        // A quote ends the string there: what follows must then be the document's end.
        plain[place] = UInt8(ascii: "\"")
        let ended = try JSONParser().parse([UInt8(ascii: "\"")] + plain.prefix(place + 1))
        #expect(ended == .string(String(repeating: "a", count: place)))
        // An escape.
        plain[place] = UInt8(ascii: "\\")
        let escaped =
          [UInt8(ascii: "\"")] + plain.prefix(place + 1) + [UInt8(ascii: "n")]
          + plain.dropFirst(place + 1) + [UInt8(ascii: "\"")]
        var expected = String(repeating: "a", count: place) + "\n"
        expected += String(repeating: "a", count: length - place - 1)
        #expect(try JSONParser().parse(escaped) == .string(expected))
        // A control byte.
        plain[place] = 0x01
        let control = #expect(throws: JSONParseError.self) {
          try JSONParser().parse([UInt8(ascii: "\"")] + plain + [UInt8(ascii: "\"")])
        }
        #expect(control?.offset == place + 1)
        // Non-ASCII, valid and not.
        plain[place] = 0xC3
        let accented =
          [UInt8(ascii: "\"")] + plain.prefix(place + 1) + [0xA9]
          + plain
          .dropFirst(place + 1) + [UInt8(ascii: "\"")]
        expected = String(repeating: "a", count: place) + "é"
        expected += String(repeating: "a", count: length - place - 1)
        #expect(try JSONParser().parse(accented) == .string(expected))
        plain[place] = 0xFF
        let invalid = #expect(throws: JSONParseError.self) {
          try JSONParser().parse([UInt8(ascii: "\"")] + plain + [UInt8(ascii: "\"")])
        }
        #expect(invalid?.offset == place + 1)
      }
    }
  }
}
