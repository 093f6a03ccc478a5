import JSONTree
import Testing

@Suite("JSONParser")
struct JSONParserTests {
  let parser = JSONParser()

  @Test(
    "keeps every number lexeme exactly",
    arguments: [
      "9223372036854776000", "9223372036854775807", "-9223372036854775809", "18446744073709551616",
      "-0", "1e2", "1.50", "1E+400", "-1e-400", "0.000",
      "123456789012345678901234567890123456789012",
    ])
  func keepsNumberLexemes(lexeme: String) throws {
    let value = try parser.parse("{\"n\": \(lexeme)}")
    #expect(value["n"] == .number(lexeme))
    #expect(value.serialized() == "{\"n\":\(lexeme)}")
  }

  @Test("keeps member order and duplicate keys; lookup takes the last duplicate")
  func keepsMemberOrderAndDuplicates() throws {
    let value = try parser.parse(#"{"b": 1, "a": 2, "b": 3}"#)
    #expect(value.members?.map(\.key) == ["b", "a", "b"])
    #expect(value["b"] == .number("3"))
  }

  @Test("index and key lookups answer nil off the document's shape")
  func lookups() throws {
    let value = try parser.parse(#"{"a": [10, {"b": "x"}]}"#)
    #expect(value["a"]?[0] == .number("10"))
    #expect(value["a"]?[1]?["b"]?.stringValue == "x")
    #expect(value["a"]?[2] == nil)
    #expect(value["a"]?[-1] == nil)
    #expect(value[0] == nil)
    #expect(value["a"]?["b"] == nil)
  }

  @Test("parses every kind of value")
  func parsesEveryKind() throws {
    let value = try parser.parse(#" [null, true, false, "x", {}, [], -1.5e3] "#)
    #expect(
      value
        == .array([
          .null, .bool(true), .bool(false), .string("x"), .object([]), .array([]),
          .number("-1.5e3"),
        ]))
  }

  @Test("unescapes strings, including surrogate pairs and non-ASCII UTF-8")
  func unescapesStrings() throws {
    let value = try parser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 ü""#)
    #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀 ü"))
  }

  @Test("skips one leading byte order mark")
  func skipsByteOrderMark() throws {
    #expect(try parser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
  }

  struct Rejection: Sendable, CustomStringConvertible {
    var input: String
    var reason: String
    var line: Int
    var column: Int
    var pointer: String
    var description: String { input }
  }

  @Test(
    "rejects invalid documents with reason, line, column and pointer",
    arguments: [
      Rejection(
        input: "{\"a\": 1,}", reason: "expected a member name", line: 1, column: 9, pointer: ""),
      Rejection(
        input: "{\n  \"json\": {\"details\": [1, 2,]}\n}", reason: "expected a value", line: 2,
        column: 29, pointer: "/json/details/2"),
      Rejection(
        input: "[01]", reason: "leading zeros are not allowed", line: 1, column: 3, pointer: "/0"),
      Rejection(
        input: "[1.]", reason: "expected a digit after '.'", line: 1, column: 4, pointer: "/0"),
      Rejection(
        input: "[-]", reason: "invalid number: expected a digit", line: 1, column: 3, pointer: "/0"),
      Rejection(
        input: "[NaN]", reason: "unexpected character 'N'", line: 1, column: 2, pointer: "/0"),
      Rejection(input: "{\"a\" 1}", reason: "expected ':'", line: 1, column: 6, pointer: ""),
      Rejection(input: "[\"abc", reason: "unterminated string", line: 1, column: 6, pointer: "/0"),
      Rejection(
        input: "[\"a\u{01}\"]", reason: "unescaped control character 0x01", line: 1, column: 4,
        pointer: "/0"),
      Rejection(
        input: "[\"\\x\"]", reason: "invalid escape sequence '\\x'", line: 1, column: 4,
        pointer: "/0"),
      Rejection(
        input: "[\"\\ud800\"]", reason: "unpaired high surrogate \\uD800", line: 1, column: 3,
        pointer: "/0"),
      Rejection(
        input: "[\"\\udc00\"]", reason: "unpaired low surrogate \\uDC00", line: 1, column: 3,
        pointer: "/0"),
      Rejection(
        input: "[\"\\u12\"]", reason: "expected four hexadecimal digits", line: 1, column: 7,
        pointer: "/0"),
      Rejection(input: "[tru]", reason: "expected 'true'", line: 1, column: 2, pointer: "/0"),
      Rejection(
        input: "[1] x", reason: "unexpected character 'x' after the end", line: 1, column: 5,
        pointer: ""),
      Rejection(input: "  ", reason: "empty document", line: 1, column: 3, pointer: ""),
      Rejection(
        input: "{\"a\": [1, 2", reason: "expected ',' or ']'", line: 1, column: 12, pointer: "/a"),
    ])
  func rejectsInvalidDocuments(_ rejection: Rejection) {
    let error = #expect(throws: JSONParseError.self) { try parser.parse(rejection.input) }
    #expect(error?.reason.contains(rejection.reason) == true, "\(error?.reason ?? "no error")")
    #expect(error?.line == rejection.line)
    #expect(error?.column == rejection.column)
    #expect(error?.pointer.description == rejection.pointer)
  }

  @Test("rejects invalid UTF-8 inside a string at the offending byte")
  func rejectsInvalidUTF8() {
    let bytes = Array("[\"ab".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
    let error = #expect(throws: JSONParseError.self) { try parser.parse(bytes) }
    #expect(error?.reason == "invalid UTF-8 in a string")
    #expect(error?.offset == 4)
  }

  @Test("accepts nesting up to the limit and refuses one level more without overflowing")
  func limitsNesting() throws {
    func nested(_ depth: Int) -> String {
      String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }
    _ = try parser.parse(nested(512))
    let error = #expect(throws: JSONParseError.self) { try parser.parse(nested(513)) }
    #expect(error?.reason == "nesting deeper than 512 levels")
    #expect(error?.pointer.tokens.count == 512)
    #expect(throws: JSONParseError.self) { try parser.parse(nested(100_000)) }
  }

  @Test("error description reads line, column, byte, pointer and reason")
  func errorDescription() {
    let error = #expect(throws: JSONParseError.self) { try parser.parse("{\"a\": [tru]}") }
    #expect(
      error?.description == "line 1, column 8 (byte 7) at /a/0: invalid literal: expected 'true'")
  }

  @Test("a failure's pointer names every index on its path, small or large")
  func failureIndices() {
    for index in [0, 7, 1023, 1024, 1500] {
      let text = "[" + String(repeating: "0,", count: index) + "[1, x]]"
      let error = #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
      #expect(error?.pointer.tokens == [String(index), "1"])
    }
  }
}
