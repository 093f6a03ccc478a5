import Testing

@testable import Tape

/// The redaction prefilter and the JSON content-type check search bytes; a miss would let a
/// secret through unredacted, so the edges are checked against the standard library.
@Suite("Byte search")
struct ByteSearchTests {
  @Test(
    "finds a needle exactly where the standard library does",
    arguments: [
      ("a MIIabc b", "MII", true),
      ("MII", "MII", true),
      ("xxMII", "MII", true),
      ("MI", "MII", false),
      ("MMMII", "MII", true),
      ("MIMIMI", "MII", false),
      ("", "MII", false),
      ("anything", "", true),
      ("", "", true),
      ("日本 Signature=ab", "Signature=", true),
      ("application/problem+json;charset=utf-8", "json", true),
      ("text/plain", "json", false),
      ("caf\u{E9}", "e\u{301}", false),
    ])
  func search(text: String, needle: String, expected: Bool) {
    #expect(text.containsBytes(of: needle) == expected)
    if !needle.isEmpty {  // the standard library finds no empty range
      #expect((Array(text.utf8).firstRange(of: Array(needle.utf8)) != nil) == expected)
    }
  }
}
