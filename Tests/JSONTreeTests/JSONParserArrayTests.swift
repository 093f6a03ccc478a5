import JSONTree
import Testing

/// Arrays of every length the parser builds differently (none, one element, more), their
/// nesting counted level by level, and a failure after or inside any element.
@Suite("JSONParser arrays")
struct JSONParserArrayTests {
  @Test(
    "an array of none, one or more elements holds exactly its elements",
    arguments: [
      ("[]", JSONValue.array([])),
      ("[ ]", .array([])),
      ("[1]", .array([.number("1")])),
      (" [ 1 ] ", .array([.number("1")])),
      ("[[]]", .array([.array([])])),
      ("[[1]]", .array([.array([.number("1")])])),
      ("[1,2]", .array([.number("1"), .number("2")])),
      (
        "[ 1 , [2] , [] ,{} ]",
        .array([.number("1"), .array([.number("2")]), .array([]), .object([])])
      ),
      ("[1,2,3,4,5,6]", .array((1...6).map { .number(String($0)) })),
    ])
  func elements(text: String, expected: JSONValue) throws {
    #expect(try JSONParser().parse(text) == expected)
  }

  @Test("one-element arrays side by side leave the nesting depth where it was")
  func siblingsKeepTheDepth() throws {
    let count = 600
    let text = "[" + Array(repeating: "[0]", count: count).joined(separator: ",") + "]"
    let parsed = try JSONParser().parse(text)
    #expect(parsed == .array(Array(repeating: .array([.number("0")]), count: count)))
    // Each sibling nested as deep as the limit allows, one level under the outer array.
    let deep = String(repeating: "[", count: 511) + "0" + String(repeating: "]", count: 511)
    _ = try JSONParser().parse("[" + Array(repeating: deep, count: 3).joined(separator: ",") + "]")
  }

  @Test(
    "a failure after or inside an element names the array or the element",
    arguments: [
      ("[1 2]", "expected ',' or ']'", 4, ""),
      ("[[1] 2]", "expected ',' or ']'", 6, ""),
      ("[1,2 3]", "expected ',' or ']'", 6, ""),
      ("[1,]", "expected a value", 4, "/1"),
      ("[1,[x]]", "expected a value", 5, "/1/0"),
      ("[[x]]", "expected a value", 3, "/0/0"),
      ("[1", "expected ',' or ']'", 3, ""),
      ("[", "unexpected end of input", 2, "/0"),
    ])
  func failures(text: String, reason: String, column: Int, pointer: String) {
    let error = #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
    #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    #expect(error?.column == column)
    #expect(error?.pointer.description == pointer)
  }
}
