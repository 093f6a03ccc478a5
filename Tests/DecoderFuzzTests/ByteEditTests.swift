import DecoderFuzz
import JSONTree
import Testing

@Suite("ByteEdit")
struct ByteEditTests {
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

  @Test("an edit reads as the record shows it")
  func description() {
    #expect(ByteEdit.flip(812, 64).description == "flip(812, 64)")
    #expect(ByteEdit.insert(3, 44).description == "insert(3, 44)")
    #expect(ByteEdit.delete(0, 2).description == "delete(0, 2)")
    #expect(ByteEdit.overwrite(9, 255).description == "overwrite(9, 255)")
    #expect(ByteEdit.truncate(40).description == "truncate(40)")
    for value in [0, 7, 10, 99, 100, 65_535, -1, -10, Int.max, Int.min] {
      #expect(ByteEdit.truncate(value).description == "truncate(\(String(value)))")
      #expect(
        ByteEdit.delete(value, value / -3).description
          == "delete(\(String(value)), \(String(value / -3)))")
    }
  }

  @Test("havoc's record lists the edits it made, as their descriptions, by spaces")
  func havocRecord() throws {
    var random = FuzzRandom(seed: 11)
    let seed = FuzzCase(
      document: try JSONParser().parse(#"{"error_code":"E","error_msg":[1,"x"]}"#),
      schema: .errorBody)
    var inserted: Set<UInt8> = []
    for _ in 0..<500 {
      var fuzzCase = seed
      #expect(Mutator().apply(.havoc, to: &fuzzCase, using: &random))
      #expect(fuzzCase.mutations.count == 1)
      #expect(
        fuzzCase.mutations.last?.argument
          == fuzzCase.byteEdits.map(\.description).joined(separator: " "))
      for case .insert(_, let byte) in fuzzCase.byteEdits { inserted.insert(byte) }
    }
    // Inserts draw each of the havoc bytes, and random ones besides.
    #expect(inserted.isSuperset(of: Array("{}[],:\"\\0-.eE".utf8)))
    #expect(inserted.count > 14)
  }
}
