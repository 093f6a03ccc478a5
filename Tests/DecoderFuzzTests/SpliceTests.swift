import Testing

@testable import DecoderFuzz

@Suite("Splice")
struct SpliceTests {
  func replace(_ range: Range<Int>, _ text: String, container: Int? = nil) -> Splice {
    Splice(range: range, replacement: Array(text.utf8), container: container, keepsJSONValid: true)
  }

  func insert(_ offset: Int, _ text: String, container: Int? = nil) -> Splice {
    replace(offset..<offset, text, container: container)
  }

  @Test("replacements of overlapping bytes conflict; adjacent ones do not")
  func replacements() {
    #expect(replace(2..<5, "x").conflicts(with: replace(4..<8, "y")))
    #expect(replace(2..<5, "x").conflicts(with: replace(0..<9, "y")))
    #expect(!replace(2..<5, "x").conflicts(with: replace(5..<8, "y")))
    #expect(!replace(5..<8, "x").conflicts(with: replace(2..<5, "y")))
  }

  @Test("an insertion conflicts only strictly inside replaced bytes, both ways round")
  func insertions() {
    #expect(insert(3, "x").conflicts(with: replace(2..<5, "y")))
    #expect(replace(2..<5, "y").conflicts(with: insert(3, "x")))
    #expect(!insert(2, "x").conflicts(with: replace(2..<5, "y")))
    #expect(!insert(5, "x").conflicts(with: replace(2..<5, "y")))
    #expect(!insert(3, "x").conflicts(with: insert(3, "y")))
  }

  @Test("two changes of one container's members conflict wherever they are")
  func containers() {
    #expect(insert(1, "x", container: 4).conflicts(with: replace(7..<9, "", container: 4)))
    #expect(!insert(1, "x", container: 4).conflicts(with: replace(7..<9, "", container: 5)))
    #expect(!insert(1, "x", container: 4).conflicts(with: replace(7..<9, "")))
  }

  @Test("applied in byte order; insertions at one place keep their order, before a replacement")
  func apply() {
    let bytes = Array("0123456789".utf8)
    var splices: [Splice] = []
    for splice in [
      replace(6..<8, "R"), insert(6, "a"), insert(6, "b"), replace(0..<1, ""), insert(10, "!"),
    ] {
      Splice.insert(splice, into: &splices)
    }
    #expect(splices.map(\.range.lowerBound) == [0, 6, 6, 6, 10])
    #expect(String(decoding: Splice.apply(splices, to: bytes), as: UTF8.self) == "12345abR89!")
    #expect(Splice.apply([], to: bytes) == bytes)
  }
}
