import JSONTree
import Testing

@Suite("JSONValue serialization")
struct JSONValueSerializationTests {
  @Test("compact output keeps member order, duplicates and lexemes")
  func compact() throws {
    let value = try JSONParser().parse(#"{ "b" : [1.50, -0], "a" : null, "b" : "x" }"#)
    #expect(value.serialized() == #"{"b":[1.50,-0],"a":null,"b":"x"}"#)
  }

  @Test("canonical output is pretty with keys sorted stably")
  func canonical() throws {
    let value = try JSONParser().parse(#"{"b": 2, "a": {"d": [], "c": [1, {}]}, "b": 1}"#)
    #expect(
      value.serialized(.canonical) == """
        {
          "a": {
            "c": [
              1,
              {}
            ],
            "d": []
          },
          "b": 2,
          "b": 1
        }
        """)
  }

  @Test("escapes quotes, backslashes and control characters; keeps other Unicode")
  func escapesStrings() {
    let value = JSONValue.string("q\"b\\n\n\u{01}\u{1F}é😀/")
    #expect(value.serialized() == #""q\"b\\n\n\u0001\u001Fé😀/""#)
  }

  @Test(
    "parse after serialize gives the same value",
    arguments: [
      #"{"a": [1, 2.5e-3, true, null], "b": {"c": "\u0000\t\"x\""}, "a": -0}"#,
      #"["ü", "😀", "", {}, [[[]]]]"#, "9223372036854776000",
    ])
  func roundTrips(document: String) throws {
    let value = try JSONParser().parse(document)
    #expect(try JSONParser().parse(value.serialized()) == value)
    #expect(
      try JSONParser().parse(value.serialized(.canonical)).members?.count == value.members?.count)
  }
}
