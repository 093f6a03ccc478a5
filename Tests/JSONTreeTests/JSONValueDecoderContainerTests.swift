import Foundation
import JSONTree
import Testing

/// The containers of `JSONValueDecoder`: member lookup in small and large objects,
/// `decodeIfPresent`, the keys and paths a type sees while it decodes itself.
@Suite("JSONValueDecoder containers")
struct JSONValueDecoderContainerTests {
  /// Records what its decoder and containers say, and decodes one member `v`.
  struct Probe: Decodable {
    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    var path: String
    var keys: [String]
    var value: Int?

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Key.self)
      path = JSONPointer(codingPath: decoder.codingPath).description
      #expect(JSONPointer(codingPath: container.codingPath).description == path)
      keys = container.allKeys.map(\.stringValue)
      value = try container.decodeIfPresent(Int.self, forKey: Key(stringValue: "v"))
    }
  }

  /// An object of `count` members `m0`, `m1`, ... with `v` at `position` and again at the end.
  func object(members count: Int, duplicateAt position: Int) -> String {
    var members = (0..<count).map { #""m\#($0)":\#($0)"# }
    members.insert(#""v":1"#, at: position)
    members.append(#""v":2"#)
    return "{" + members.joined(separator: ",") + "}"
  }

  @Test(
    "the last of duplicate members wins, in small and in large objects",
    arguments: [0, 3, 11, 12, 13, 40])
  func lastDuplicateWins(memberCount: Int) throws {
    let text = object(members: memberCount, duplicateAt: memberCount / 2)
    let probe = try JSONValueDecoder().decode(Probe.self, from: Array(text.utf8))
    #expect(probe.value == 2)
    #expect(probe.keys.count == memberCount + 1, "each name once")
    #expect(Set(probe.keys) == Set((0..<memberCount).map { "m\($0)" } + ["v"]))
  }

  @Test("decodeIfPresent: absent and null are nil, another type is an error at the member")
  func decodeIfPresent() throws {
    for text in [#"{}"#, #"{"v":null}"#, #"{"v":"x","v":null}"#] {
      let probe = try JSONValueDecoder().decode(Probe.self, from: Array(text.utf8))
      #expect(probe.value == nil, "\(text)")
    }
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Probe.self, from: Array(#"{"v":"1"}"#.utf8))
    }
    guard case .typeMismatch(_, let context) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(JSONPointer(codingPath: context.codingPath).description == "/v")
    #expect(context.debugDescription == "expected an integer, found string")
  }

  @Test("a type decoding itself deep in arrays and objects sees its whole path")
  func nestedPaths() throws {
    struct Outer: Decodable {
      var a: [[String: [Probe]]]
    }
    let text = #"{"a":[{},{"b":[{"v":1},{"v":2,"w":0}]}]}"#
    let outer = try JSONValueDecoder().decode(Outer.self, from: Array(text.utf8))
    let probes = try #require(outer.a.last?["b"])
    #expect(probes.map(\.path) == ["/a/1/b/0", "/a/1/b/1"])
    #expect(probes.map(\.value) == [1, 2])
    #expect(probes.last?.keys == ["v", "w"])
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode(Outer.self, from: Array(#"{"a":[{"b":[{"v":1},7]}]}"#.utf8))
    }
    guard case .typeMismatch(_, let context) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(JSONPointer(codingPath: context.codingPath).description == "/a/0/b/1")
    #expect(context.debugDescription == "expected an object, found number")
  }

  @Test("reading past the end of an array names the index it wanted")
  func pastTheEnd() throws {
    struct Pair: Decodable {
      var first: Int
      var second: Int
      init(from decoder: any Decoder) throws {
        var elements = try decoder.unkeyedContainer()
        first = try elements.decode(Int.self)
        second = try elements.decode(Int.self)
      }
    }
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode([Pair].self, from: Array("[[1,2],[3]]".utf8))
    }
    guard case .valueNotFound(_, let context) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(JSONPointer(codingPath: context.codingPath).description == "/1/1")
    #expect(context.debugDescription == "the array has only 1 element")
  }

  @Test("every standard scalar type is read from its lexeme")
  func scalars() throws {
    struct Scalars: Decodable {
      var int8: Int8
      var uint16: UInt16
      var int128: Int128
      var uint128: UInt128
      var float: Float
      var decimal: Decimal
      var flags: [Bool]
      var text: String?
    }
    let text = #"""
      {"int8":-128,"uint16":65535,"int128":-170141183460469231731687303715884105728,
      "uint128":340282366920938463463374607431768211455,"float":0.5,
      "decimal":1.00000000000000000000000000000000000001,"flags":[true,false],"text":null}
      """#
    let scalars = try JSONValueDecoder().decode(Scalars.self, from: Array(text.utf8))
    #expect(scalars.int8 == .min)
    #expect(scalars.uint16 == .max)
    #expect(scalars.int128 == .min)
    #expect(scalars.uint128 == .max)
    #expect(scalars.float == 0.5)
    #expect(scalars.decimal == Decimal(string: "1.00000000000000000000000000000000000001"))
    #expect(scalars.flags == [true, false])
    #expect(scalars.text == nil)
    let error = try #require(throws: DecodingError.self) {
      try JSONValueDecoder().decode([UInt128].self, from: Array("[-1]".utf8))
    }
    guard case .dataCorrupted(let context) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(context.debugDescription == "-1 is not an integer in the range of UInt128")
  }
}
