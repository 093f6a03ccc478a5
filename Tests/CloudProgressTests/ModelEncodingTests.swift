import CloudProgress
import Foundation
import JSONTree
import Testing

/// A model encodes each field as the field's own type would: a tolerant field writes its
/// value, or what came in its place, or nothing; a wire scalar writes the scalar it came as;
/// a null detail comes back where it came. The models write these members directly rather
/// than through the wrappers' `encode(to:)` (a fuzzer speed-up), and these pin what they
/// write, through the package's encoder and through Foundation's.
@Suite("Model encoding")
struct ModelEncodingTests {
  /// An answer, the text `jsonData()` writes for it, and the text `JSONEncoder` writes for
  /// it with sorted keys.
  struct Case: CustomTestStringConvertible, Sendable {
    let api: CloudAPI
    let answer: String
    let written: String
    let foundation: String
    var testDescription: String { answer }
  }

  static let cases: [Case] = [
    // Values as documented, an empty string kept.
    Case(
      api: .cpts, answer: #"{"json":{"details":[{"id":7,"name":"p","status":1,"cause":""}]}}"#,
      written: #"{"json":{"details":[{"id":7,"name":"p","status":1,"cause":""}]}}"#,
      foundation: #"{"json":{"details":[{"cause":"","id":7,"name":"p","status":1}]}}"#),
    // What came in place of a documented value, written back as it came.
    Case(
      api: .cpts,
      answer: #"{"code":5,"json":{"details":[{"id":"7","name":[1],"status":"x","cause":{}}]}}"#,
      written: #"{"code":5,"json":{"details":[{"id":"7","name":[1],"status":"x","cause":{}}]}}"#,
      foundation: #"{"code":5,"json":{"details":[{"cause":{},"id":"7","name":[1],"status":"x"}]}}"#
    ),
    // Null or absent fields are left out; null details come back where they came.
    Case(
      api: .cpts,
      answer: #"{"message":null,"json":{"details":[null,{"id":null,"status":2},null,{}]}}"#,
      written: #"{"json":{"details":[null,{"status":2},null,{}]}}"#,
      foundation: #"{"json":{"details":[null,{"status":2},null,{}]}}"#),
    // A boolean and a numeric string, as documented and not.
    Case(
      api: .drs,
      answer: #"{"send_success":true,"process_status":"success","parsed_success_number":"1"}"#,
      written: #"{"send_success":true,"process_status":"success","parsed_success_number":"1"}"#,
      foundation: #"{"parsed_success_number":"1","process_status":"success","send_success":true}"#
    ),
    Case(
      api: .drs,
      answer: #"{"send_success":"yes","process_status":7,"parsed_success_number":2}"#,
      written: #"{"send_success":"yes","process_status":7,"parsed_success_number":2}"#,
      foundation: #"{"parsed_success_number":2,"process_status":7,"send_success":"yes"}"#),
    // Timestamps, an enumeration as a number, a string sent as a number.
    Case(
      api: .insight,
      answer: #"{"status":4,"create_date":"1700000000000","update_date":2,"name":1.50}"#,
      written: #"{"name":1.50,"status":4,"create_date":"1700000000000","update_date":2}"#,
      foundation: #"{"create_date":"1700000000000","name":1.5,"status":4,"update_date":2}"#),
  ]

  @Test("each field is written as its own type writes it", arguments: cases)
  func written(example: Case) throws {
    let model = try example.api.decodeResponse(from: Data(example.answer.utf8))
    #expect(String(decoding: try model.jsonData(), as: UTF8.self) == example.written)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(String(decoding: try encoder.encode(model), as: UTF8.self) == example.foundation)
  }
}
