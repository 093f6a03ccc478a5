import JSONTree
import Testing

@Suite("JSONPointer")
struct JSONPointerTests {
  @Test("escapes '~' and '/' in tokens and parses them back")
  func escapesTokens() {
    let pointer = JSONPointer.root.appending("a/b").appending("m~n").appending(0)
    #expect(pointer.description == "/a~1b/m~0n/0")
    #expect(JSONPointer(pointer.description) == pointer)
  }

  @Test("the root is the empty string, shown as (root)")
  func root() {
    #expect(JSONPointer.root.description == "")
    #expect(JSONPointer.root.displayText == "(root)")
    #expect(JSONPointer("") == .root)
  }

  @Test("text without a leading slash is not a pointer")
  func rejectsRelativeText() {
    #expect(JSONPointer("a/b") == nil)
  }
}
