import Foundation
import JSONTree
import Testing

@Suite("JSONValueDecoder and JSONValueEncoder")
struct JSONValueCodingTests {
  struct Task: Codable, Equatable {
    var name: String
    var count: Int32
    var ratio: Double?
    var flags: [Bool]
    var nested: Nested?
    var raw: JSONValue?

    struct Nested: Codable, Equatable {
      var id: Int64
    }
  }

  @Test("a model decodes from bytes and encodes back, keys in declaration order")
  func roundTrip() throws {
    let text =
      #"{"name":"n","count":7,"ratio":0.5,"flags":[true,false],"nested":{"id":9223372036854775807},"raw":1.50e3}"#
    let task = try JSONValueDecoder().decode(Task.self, from: Array(text.utf8))
    #expect(task.nested?.id == Int64.max)
    #expect(task.raw == .number("1.50e3"), "JSONValue keeps the lexeme")
    #expect(String(decoding: try JSONValueEncoder().encodeBytes(task), as: UTF8.self) == text)
  }

  @Test(
    "errors name the path and the reason",
    arguments: [
      (#"{"name":5,"count":1,"flags":[]}"#, "/name", "expected a string, found number"),
      (
        #"{"name":"n","count":3000000000,"flags":[]}"#, "/count",
        "3000000000 is not an integer in the range of Int32"
      ),
      (
        #"{"name":"n","count":1.0,"flags":[]}"#, "/count",
        "1.0 is not an integer in the range of Int32"
      ),
      (
        #"{"name":"n","count":1,"flags":[true,null]}"#, "/flags/1", "expected a boolean, found null"
      ),
      (
        #"{"name":"n","count":1,"flags":[],"nested":{"id":"1"}}"#, "/nested/id",
        "expected an integer, found string"
      ),
      (
        #"{"name":"n","count":1,"flags":[],"ratio":1e999}"#, "/ratio",
        "1e999 is too large for a Double (beyond ±1.8e308)"
      ),
      (
        #"{"name":"n","count":1,"flags":[],"ratio":1e-999999}"#, "/ratio",
        "1e-999999 is too small for a Double: nearer zero than the smallest Double (4.9e-324), "
          + "it underflows to zero"
      ),
      (
        #"{"name":"n","count":1,"flags":[],"ratio":-2.5e-330}"#, "/ratio",
        "-2.5e-330 is too small for a Double: nearer zero than the smallest Double (4.9e-324), "
          + "it underflows to zero"
      ),
      (
        #"{"name":"n","count":1,"flags":[false],"nested":{"id":1},"raw":[{"a":[1,{}]}],"ratio":"x"}"#,
        "/ratio", "expected a number, found string"
      ),
      (#"{"name":"n","count":1,"flags":{}}"#, "/flags", "expected an array, found object"),
      (
        #"{"name":"n","count":1,"flags":[],"nested":[]}"#, "/nested",
        "expected an object, found array"
      ),
    ])
  func errors(text: String, path: String, reason: String) throws {
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Task.self, from: Array(text.utf8))
    }
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
      context = found
    default:
      Issue.record("\(error)")
      return
    }
    #expect(JSONPointer(codingPath: context.codingPath).description == path)
    #expect(context.debugDescription == reason)
  }

  @Test("zero written any way is zero, and the smallest Doubles are read")
  func zeroAndSubnormals() throws {
    struct Ratio: Decodable { var ratio: Double }
    for (text, expected) in [
      ("0", 0.0), ("-0.0", 0.0), ("0e-999999", 0.0), ("0.000e5", 0.0),
      ("5e-324", Double.leastNonzeroMagnitude),
      ("1e-320", Double("1e-320")!), ("1.5", 1.5),
    ] {
      let decoded = try JSONValueDecoder().decode(
        Ratio.self, from: Array(#"{"ratio":\#(text)}"#.utf8))
      #expect(decoded.ratio == expected, "\(text)")
    }
  }

  @Test("a missing key is keyNotFound; text that is not JSON says where")
  func missingAndInvalid() throws {
    let missing = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Task.self, from: Array(#"{"name":"n","flags":[]}"#.utf8))
    }
    guard case .keyNotFound(let key, _) = missing else {
      Issue.record("\(missing)")
      return
    }
    #expect(key.stringValue == "count")
    let invalid = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Task.self, from: Array(#"{"name":"#.utf8))
    }
    guard case .dataCorrupted(let context) = invalid else {
      Issue.record("\(invalid)")
      return
    }
    #expect(context.underlyingError is JSONParseError)
  }

  @Test("JSONValue through Foundation's coders: a number beyond Double is an error, not a trap")
  func foreignCoders() throws {
    let value = try JSONDecoder().decode(
      JSONValue.self, from: Data(#"{"a":[1,"x",null,true]}"#.utf8))
    #expect(value == (try JSONParser().parse(#"{"a":[1,"x",null,true]}"#)))
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(JSONValue.self, from: Data(#"[1e400]"#.utf8))
    }
  }
}
