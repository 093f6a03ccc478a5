import JSONTree
import Testing

/// The encoder builds a value's coding path only when it is read (an error, or a type that
/// asks), from the keys and indices that lead to the value.
@Suite("JSONValueEncoder coding paths")
struct JSONValueEncoderPathTests {
  struct Outer: Encodable {
    var items: [Inner]
  }

  struct Inner: Encodable {
    var ratio: Double
  }

  /// Encodes the coding path it is encoded at.
  struct PathProbe: Encodable {
    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(
        encoder.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue })
    }
  }

  @Test("a value that cannot be encoded is reported at its path")
  func errorPath() throws {
    let value = Outer(items: [Inner(ratio: 1), Inner(ratio: .nan)])
    do {
      _ = try JSONValueEncoder().encode(value)
      Issue.record("NaN encoded")
    } catch let EncodingError.invalidValue(_, context) {
      #expect(context.codingPath.map(\.stringValue) == ["items", "1", "ratio"])
      #expect(context.codingPath.map(\.intValue) == [nil, 1, nil])
    }
  }

  @Test("a type that reads its coding path gets the keys and indices that lead to it")
  func pathReadByAType() throws {
    struct Holder: Encodable {
      var list: [[String: PathProbe]]
    }
    let tree = try JSONValueEncoder().encode(Holder(list: [[:], ["probe": PathProbe()]]))
    #expect(tree.serialized() == #"{"list":[{},{"probe":["list","1","probe"]}]}"#)
  }
}
