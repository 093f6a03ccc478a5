import JSONTree
import Testing

/// `parseIfValid(_:)` makes no failure report, and must still fail exactly where `parse(_:)`
/// throws and give the same document everywhere else.
@Suite("JSONParser.parseIfValid")
struct JSONParserIfValidTests {
  /// Each way a parse fails, each next to a document that parses.
  static let texts: [String] = [
    "", " ", "{}", "[]", "0", "-0.5e3", "01", "1.", "1e", "-", "\"x\"", "\"x", "\"\\u12\"",
    "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD83D\\uDE00\"", "\"\\q\"", "\"\u{01}\"", "true", "tru",
    "nul", "null ", "null x", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}",
    "{\"a\":1", "[", "]", "\u{FEFF}{}", "{\"error_code\":\"E\",\"error_msg\":[[[1]]]}",
    "[0,[1,[2,{\"k\":[3]}]]]", "{\"a\":{\"b\":[1,{\"c\":tru}]}}",
  ]

  @Test("fails where parse(_:) throws and gives its document elsewhere", arguments: texts)
  func agreesWithParse(text: String) {
    let bytes = Array(text.utf8)
    #expect(JSONParser().parseIfValid(bytes) == (try? JSONParser().parse(bytes)))
  }

  @Test("invalid UTF-8 in a string or a key fails, as in parse(_:)")
  func invalidUTF8() {
    for bytes: [UInt8] in [
      [0x22, 0xFF, 0x22], [0x22, 0x61, 0xC3, 0x22],
      [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D],
      [0x22, 0xC3, 0xA9, 0x22],
    ] {
      #expect(JSONParser().parseIfValid(bytes) == (try? JSONParser().parse(bytes)))
    }
  }

  @Test("nesting at the limit parses, one level deeper fails, under any maximum depth")
  func depthLimit() {
    for depth in [1, 2, 511, 512, 513, 600] {
      for (open, close, inner) in [("[", "]", "0"), ("{\"a\":", "}", "[]")] {
        let text =
          String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
        for maximum in [8, 512] {
          let parser = JSONParser(maximumDepth: maximum)
          let bytes = Array(text.utf8)
          #expect(parser.parseIfValid(bytes) == (try? parser.parse(bytes)), "\(depth) \(maximum)")
        }
      }
    }
  }

  @Test("agrees with parse(_:) on every byte of documents changed one byte at a time")
  func byteChanges() {
    let documents = [
      #"{"error_code":"APIG.0301","error_msg":"Incorrect","request_id":"0b5e"}"#,
      #"{"error":{"code":"401","message":"The request"},"n":[1,-2.5e+3,true,false,null]}"#,
      #"["\u00e9\ud83d\ude00\n",{"":[]}]"#,
    ]
    let replacements = Array(#"{}[],:"\0-.eEtfn u"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
    var compared = 0
    for document in documents {
      for bytes in singleByteChanges(of: document, replacements: replacements) {
        #expect(JSONParser().parseIfValid(bytes) == (try? JSONParser().parse(bytes)))
        compared += 1
      }
    }
    #expect(compared > 2_500)
  }
}
