import JSONTree
import Testing

/// `parseNest(_:)` reads a nest of one-element arrays without building them: where it says
/// nest, `parse(_:)` gives the innermost value wrapped that many times; where it says
/// invalid, `parse(_:)` throws.
@Suite("JSONParser.parseNest")
struct JSONParserNestTests {
  /// `parseNest` agrees with `parse` on `text`; returns what it found.
  @discardableResult
  static func agree(_ text: String, maximumDepth: Int = 512, _ comment: Comment? = nil)
    -> JSONNestParse
  {
    agree(bytes: Array(text.utf8), maximumDepth: maximumDepth, comment)
  }

  /// ``agree(_:maximumDepth:_:)`` on raw bytes.
  @discardableResult
  static func agree(bytes: [UInt8], maximumDepth: Int = 512, _ comment: Comment? = nil)
    -> JSONNestParse
  {
    let parser = JSONParser(maximumDepth: maximumDepth)
    let reference = try? parser.parse(bytes)
    let found = parser.parseNest(bytes)
    switch found {
    case .nest(let depth, let innermost):
      let wrapped = (0..<depth).reduce(innermost) { inner, _ in JSONValue.array([inner]) }
      #expect(wrapped == reference, comment)
    case .invalid:
      #expect(reference == nil, comment)
    case .notNest:
      break
    }
    return found
  }

  @Test(
    "small documents: nests, not nests, and failures",
    arguments: [
      ("[1]", JSONNestParse.nest(depth: 1, innermost: .number("1"))),
      (" [ [ \"x\" ] ] ", .nest(depth: 2, innermost: .string("x"))),
      ("\u{FEFF}[[null]]", .nest(depth: 2, innermost: .null)),
      ("[]", .nest(depth: 0, innermost: .array([]))),
      ("[[ ]]", .nest(depth: 1, innermost: .array([]))),
      (
        "[[{\"a\":[1]}]]",
        .nest(depth: 2, innermost: .object([JSONMember("a", .array([.number("1")]))]))
      ),
      ("[[1,2]]", .notNest),
      ("[[1],2]", .notNest),
      ("[1,]", .notNest),
      ("{\"a\":[[1]]}", .notNest),
      ("1", .notNest),
      ("", .notNest),
      ("[[1]", .invalid),
      ("[[1]]]", .invalid),
      ("[[1]] x", .invalid),
      ("[[1 2]]", .invalid),
      ("[[tru]]", .invalid),
      ("[[\"\\q\"]]", .invalid),
      ("[[{\"a\":}]]", .invalid),
      ("[", .invalid),
      ("[[]", .invalid),
    ])
  func small(text: String, expected: JSONNestParse) {
    #expect(Self.agree(text) == expected)
  }

  @Test("nests at and around the depth limit, around each kind of value, under two limits")
  func depths() {
    let inners = ["0", "\"unknown error\"", "[]", "{}", "{\"a\":[[1]]}", "[[]]", "tru", ""]
    for depth in [1, 2, 8, 9, 255, 510, 511, 512, 513, 600] {
      for inner in inners {
        for maximum in [8, 512] {
          let text =
            String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)
          Self.agree(text, maximumDepth: maximum, "\(depth) \(inner) \(maximum)")
          Self.agree(" " + text.replacingOccurrences(of: "[", with: "[ \n"), maximumDepth: maximum)
        }
      }
    }
    let deep = String(repeating: "[", count: 512) + "1" + String(repeating: "]", count: 512)
    #expect(Self.agree(deep) == .nest(depth: 512, innermost: .number("1")))
    let tooDeep = String(repeating: "[", count: 513) + "1" + String(repeating: "]", count: 513)
    #expect(Self.agree(tooDeep) == .invalid)
  }

  @Test("agrees with parse(_:) on nests with any one byte replaced or removed")
  func byteChanges() {
    let documents = [
      "[[[\"unknown error\"]]]", "[ [ [ 1.5e3 , true ] ] ]", "[[[{\"error_code\":\"E\"}]]]",
      "[[[]]]",
    ]
    let replacements = Array(#"{}[],:"\0-.eEtfn u"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
    var nests = 0
    for document in documents {
      for bytes in singleByteChanges(of: document, replacements: replacements) {
        if case .nest = Self.agree(bytes: bytes) { nests += 1 }
      }
    }
    #expect(nests > 50)
  }
}
