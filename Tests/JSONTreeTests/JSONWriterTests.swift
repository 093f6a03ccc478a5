import JSONTree
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
  let document: JSONValue = .object([
    JSONMember("a", .array([.number("1"), .number("9223372036854776000")])),
    JSONMember("b", .string("x\"\n\u{1}")), JSONMember("b", .null),
  ])

  @Test("it writes what serialized(.compact) writes, duplicates and lexemes kept")
  func valid() throws {
    let bytes = JSONWriter.bytes(of: document)
    #expect(String(decoding: bytes, as: UTF8.self) == document.serialized(.compact))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == #"{"a":[1,9223372036854776000],"b":"x\"\n\u0001","b":null}"#)
    #expect(try JSONParser().parse(bytes) == document)
  }
}
