import DecoderFuzz
import JSONTree
import Testing

/// An unknown member of a documented payload may nest at most
/// `FuzzSchema.unknownValueDepthLimit` levels; the check stops one level past the limit
/// instead of walking the whole value.
@Suite("Unknown member depth")
struct UnknownMemberDepthTests {
  func body(unknown: String) throws -> JSONValue {
    try json(#"{"error_code": "E", "error_msg": "m", "x": "# + unknown + "}")
  }

  func nested(_ depth: Int, open: String = "[", close: String = "]") -> String {
    String(repeating: open, count: depth) + "0" + String(repeating: close, count: depth)
  }

  @Test("the limit is 32 levels, arrays or objects")
  func limit() throws {
    let limit = FuzzSchema.unknownValueDepthLimit
    #expect(limit == 32)
    #expect(FuzzSchema.errorBody.documents(try body(unknown: nested(limit))))
    #expect(!FuzzSchema.errorBody.documents(try body(unknown: nested(limit + 1))))
    #expect(
      FuzzSchema.errorBody.documents(try body(unknown: nested(limit, open: #"{"a":"#, close: "}"))))
    #expect(
      !FuzzSchema.errorBody.documents(
        try body(unknown: nested(limit + 1, open: #"{"a":"#, close: "}"))))
    #expect(!FuzzSchema.errorBody.documents(try body(unknown: nested(511))))
  }

  @Test("agrees with nestingDepth on wide values, the deep branch anywhere")
  func agreesWithNestingDepth() throws {
    for depth in [0, 1, 31, 32, 33, 40] {
      for place in [0, 500, 999] {
        var elements = Array(repeating: "[[]]", count: 1_000)
        elements[place] = nested(depth)
        let unknown = "[" + elements.joined(separator: ",") + "]"
        let document = try body(unknown: unknown)
        let expected = try json(unknown).nestingDepth <= FuzzSchema.unknownValueDepthLimit
        #expect(FuzzSchema.errorBody.documents(document) == expected, "depth \(depth) at \(place)")
      }
    }
  }
}
