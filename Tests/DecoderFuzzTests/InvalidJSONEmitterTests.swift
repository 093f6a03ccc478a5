import DecoderFuzz
import JSONTree
import Testing

@Suite("InvalidJSONEmitter")
struct InvalidJSONEmitterTests {
  let document: JSONValue = .object([
    JSONMember("a", .array([.number("1"), .number("9223372036854776000")])),
    JSONMember("b", .string("x\"\n\u{1}")), JSONMember("b", .null),
  ])

  @Test("without marks it writes what serialized(.compact) writes, duplicates and lexemes kept")
  func valid() throws {
    let bytes = InvalidJSONEmitter.bytes(of: document)
    #expect(String(decoding: bytes, as: UTF8.self) == document.serialized(.compact))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"a":[1,9223372036854776000],"b":"x\"\n\u0001","b":null}"#)
    #expect(try JSONParser().parse(bytes) == document)
  }

  @Test("a trailing comma in an array and in an object")
  func trailingCommas() {
    let bytes = InvalidJSONEmitter.bytes(
      of: document, marks: [.trailingComma(JSONPointer("/a")!), .trailingComma(.root)])
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"a":[1,9223372036854776000,],"b":"x\"\n\u0001","b":null,}"#)
  }

  @Test("invalid UTF-8 and a lone surrogate inside a string; the strict parser refuses both")
  func invalidStrings() throws {
    let document: JSONValue = .object([JSONMember("s", .string("ok"))])
    let pointer = JSONPointer("/s")!
    let invalid = InvalidJSONEmitter.bytes(of: document, marks: [.invalidUTF8(pointer, [0xFF])])
    #expect(invalid == Array(#"{"s":""#.utf8) + [0xFF] + Array(#"ok"}"#.utf8))
    #expect(throws: JSONParseError.self) { try JSONParser().parse(invalid) }
    let surrogate = InvalidJSONEmitter.bytes(of: document, marks: [.loneSurrogate(pointer)])
    #expect(String(decoding: surrogate, as: UTF8.self) == #"{"s":"\uD800ok"}"#)
    #expect(throws: JSONParseError.self) { try JSONParser().parse(surrogate) }
  }

  @Test("byte edits wrap their offsets and truncate")
  func byteEdits() {
    var bytes = Array("abcdef".utf8)
    ByteEdit.truncate(4).apply(to: &bytes)
    #expect(bytes == Array("abcd".utf8))
    ByteEdit.overwrite(5, UInt8(ascii: "X")).apply(to: &bytes)
    #expect(bytes == Array("aXcd".utf8))
    ByteEdit.delete(2, 10).apply(to: &bytes)
    #expect(bytes == Array("aX".utf8))
    ByteEdit.insert(0, UInt8(ascii: "{")).apply(to: &bytes)
    #expect(bytes == Array("{aX".utf8))
    ByteEdit.flip(0, 0x20).apply(to: &bytes)
    #expect(bytes == Array("[aX".utf8))
  }
}
