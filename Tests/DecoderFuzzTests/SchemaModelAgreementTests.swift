import CloudProgress
import DecoderFuzz
import Foundation
import JSONTree
import Testing

/// The fuzz schemas are written by hand from the documentation; these tests tie them to the
/// models in both directions, so neither can drift from the other unnoticed.
@Suite("Fuzz schemas agree with the models")
struct SchemaModelAgreementTests {
  static let pairs: [(CloudAPI, FuzzSchema)] = [
    (.cpts, .cpts), (.insight, .insight), (.quality, .quality), (.drs, .drs), (.check, .check),
  ]

  @Test(
    "every key a model reads is in its schema, and every schema field is read", arguments: pairs)
  func sameKeys(api: CloudAPI, schema: FuzzSchema) throws {
    let recorder = KeyRecordingDecoder()
    _ = try api.responseType.init(from: recorder)
    #expect(recorder.recordedPatterns == Set(schema.fields.keys), "\(api)")
  }

  @Test(
    "a payload holding every schema field at the edge of its kind decodes without anomalies",
    arguments: pairs)
  func sameTypes(api: CloudAPI, schema: FuzzSchema) throws {
    let document = Self.fullDocument(schema, at: [])
    #expect(schema.documents(document))
    let model = try api.decodeResponse(from: Data(document.serialized().utf8))
    #expect(model.wireAnomalies.isEmpty, "\(api): \(model.wireAnomalies)")
    let encoded = try JSONParser().parse(Array(try model.jsonData()))
    #expect(Self.sorted(encoded) == document, "\(api): \(encoded.serialized())")
  }

  /// An object with every field below `tokens`, each holding a value of its kind: the
  /// largest documented integer, the first documented enumeration value.
  static func fullDocument(_ schema: FuzzSchema, at tokens: [String]) -> JSONValue {
    let children = schema.fields.keys.compactMap { pattern -> String? in
      guard let pointer = JSONPointer(pattern), pointer.tokens.count == tokens.count + 1,
        Array(pointer.tokens.prefix(tokens.count)) == tokens
      else { return nil }
      return pointer.tokens.last
    }.sorted()
    return .object(
      children.map { key in JSONMember(key, value(schema, at: tokens + [key])) })
  }

  /// `value` with every object's members in key order, as ``fullDocument`` writes them.
  static func sorted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members):
      .object(members.map { JSONMember($0.key, sorted($0.value)) }.sorted { $0.key < $1.key })
    case .array(let elements): .array(elements.map(sorted))
    default: value
    }
  }

  static func value(_ schema: FuzzSchema, at tokens: [String]) -> JSONValue {
    switch schema.fields["/" + tokens.joined(separator: "/")] {
    case .object: fullDocument(schema, at: tokens)
    case .array: .array([value(schema, at: tokens + ["*"])])
    case .string: .string("text")
    case .boolean: .bool(true)
    case .integer(let range): .number(String(range.upperBound))
    case .timestamp: .number("9223372036854775807")
    case .enumeration(let values): values.first ?? .null
    case .percentage: .string("50%")
    case .numericString: .string("1")
    case nil: .null
    }
  }
}
