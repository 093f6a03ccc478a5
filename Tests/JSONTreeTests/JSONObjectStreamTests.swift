import Testing

@testable import JSONTree

@Suite("JSONObjectStream")
struct JSONObjectStreamTests {
  /// The pieces of `text` read in chunks of `chunkSize` bytes, the array members named
  /// in `streamed` element by element, as one text per piece.
  func pieces(
    _ text: String, chunkSize: Int, streamed: Set<String> = ["list"], limit: Int = 1 << 20
  ) throws -> [String] {
    let bytes = Array(text.utf8)
    var offset = 0
    var stream = JSONObjectStream(limit: limit) {
      let chunk = Array(bytes[offset..<min(bytes.count, offset + chunkSize)])
      offset += chunk.count
      return chunk
    }
    guard try stream.startsWithObject() else { return ["not an object"] }
    var pieces: [String] = []
    try stream.read(streaming: streamed) { piece in
      switch piece {
      case .member(let key, let value): pieces.append("\(key)=\(value.serialized())")
      case .arrayStart(let key): pieces.append("\(key)[")
      case .element(let key, let index, let value):
        pieces.append("\(key)/\(index)=\(value.serialized())")
      case .arrayEnd(let key, let count): pieces.append("\(key)]\(count)")
      }
    }
    return pieces
  }

  /// The failure reading `text` gives, in chunks of `chunkSize` bytes.
  func failure(_ text: String, chunkSize: Int) -> JSONParseError? {
    do {
      _ = try pieces(text, chunkSize: chunkSize, limit: Int.max)
      return nil
    } catch JSONObjectStream.Failure.invalid(let error) {
      return error
    } catch {
      return nil
    }
  }

  static let document = """
    \u{FEFF}{
      "name": "caf\\u00e9 \\"quoted\\" \\\\ back",
      "list": [ {"a": [1, 2, {"b": "]}\\""}]}, "x", -1.5e3, true, null, [] ],
      "empty": [],
      "nested": {"list": [1]},
      "after": 0
    }

    """

  @Test("every piece read whole or element by element, at any chunk size, as the parser reads them")
  func pieces() throws {
    let whole = try JSONParser().parse(Self.document)
    for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
      let read = try pieces(Self.document, chunkSize: chunkSize)
      #expect(
        read == [
          "name=\(whole["name"]!.serialized())", "list[",
          #"list/0={"a":[1,2,{"b":"]}\""}]}"#, #"list/1="x""#, "list/2=-1.5e3", "list/3=true",
          "list/4=null", "list/5=[]", "list]6", "empty=[]",
          #"nested={"list":[1]}"#, "after=0",
        ], "chunks of \(chunkSize)")
    }
    #expect(try pieces("[1]", chunkSize: 1) == ["not an object"])
    #expect(try pieces(" {}", chunkSize: 1) == [])
    #expect(try pieces(#"{"list": []}"#, chunkSize: 1) == ["list[", "list]0"])
  }

  @Test(
    "a broken document fails at the line, column, offset and pointer the whole parser names",
    arguments: [
      "{\"list\": [1,\n 2 3]}", "{\"list\": [{\"a\": 1},\n {\"a\": tru}]}",
      "{\"a\": 1,\n\n \"list\": [\"x\n\"]}", "{\"a\": 1 \"b\": 2}", "{\"a\": 1,}",
      "{\"list\": [1, 2", "{\"a\": {\"b\": [1, }}", "{\"a\": 1} x", "{\"a\"\n: \"\\q\"}",
      "{\"list\": [\"\u{7F}\", \"\\ud800\"]}", "{\"a\": 1, \"list\": [[[[[1]]]]]}", "{",
      "{\"a\": -}", "{\"list\": [01]}",
    ])
  func brokenDocuments(_ text: String) throws {
    var expected: JSONParseError?
    do {
      _ = try JSONParser(maximumDepth: 5).parse(text)
    } catch {
      expected = error
    }
    for chunkSize in [1, 3, 1 << 20] {
      let bytes = Array(text.utf8)
      var offset = 0
      var stream = JSONObjectStream(limit: 1 << 20, maximumDepth: 5) {
        let chunk = Array(bytes[offset..<min(bytes.count, offset + chunkSize)])
        offset += chunk.count
        return chunk
      }
      var found: JSONParseError?
      do {
        if try stream.startsWithObject() {
          try stream.read(streaming: ["list"]) { _ in }
        }
      } catch JSONObjectStream.Failure.invalid(let error) {
        found = error
      }
      #expect(found != nil, "chunks of \(chunkSize)")
      #expect(found?.line == expected?.line, "chunks of \(chunkSize): \(String(describing: found))")
      #expect(found?.column == expected?.column, "chunks of \(chunkSize)")
      #expect(found?.offset == expected?.offset, "chunks of \(chunkSize)")
      #expect(found?.pointer == expected?.pointer, "chunks of \(chunkSize)")
      #expect(found?.reason == expected?.reason, "chunks of \(chunkSize)")
    }
  }

  @Test("a document past the limit fails as too large, not as broken")
  func limit() throws {
    let text = #"{"list": [1, 2, 3, 4, 5, 6, 7, 8, 9]}"#
    #expect(try pieces(text, chunkSize: 4, limit: text.utf8.count).count == 11)
    #expect {
      _ = try pieces(text, chunkSize: 4, limit: text.utf8.count - 1)
    } throws: { error in
      guard case JSONObjectStream.Failure.tooLarge(let limit) = error else { return false }
      return limit == text.utf8.count - 1
    }
  }

  @Test("the lines counted in the bytes dropped place a failure far into a long document")
  func longDocument() throws {
    let line = #"{"a": "\#(String(repeating: "x", count: 100))"}"#
    let count = 30_000
    let text =
      "{\"list\": [\n" + Array(repeating: line, count: count).joined(separator: ",\n")
      + ",\n{\"a\": nul}]}"
    var expected: JSONParseError?
    do {
      _ = try JSONParser().parse(text)
    } catch {
      expected = error
    }
    let found = failure(text, chunkSize: 4096)
    #expect(expected?.line == count + 2)
    #expect(found == expected)
  }
}
