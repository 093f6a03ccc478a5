import CloudProgress
import Foundation

/// A one-field wrapper, to decode a hardened value where it really sits: inside an object.
struct Field<Value: Codable>: Codable {
  var value: Value?
}

/// Decodes `{"value": <json>}` and returns the field.
func decodeField<Value: Codable>(_ type: Value.Type, _ json: String) throws -> Value? {
  try JSONDecoder().decode(Field<Value>.self, from: Data("{\"value\": \(json)}".utf8)).value
}

/// Encodes a field back and returns the JSON text of its value alone.
func encodedField<Value: Codable>(_ value: Value) throws -> String {
  let text = String(decoding: try JSONEncoder().encode(Field(value: value)), as: UTF8.self)
  return String(text.dropFirst("{\"value\":".count).dropLast())
}

/// Decodes `json` as a field and encodes it back: the wire text after a round trip.
func roundTripField<Value: Codable>(_ type: Value.Type, _ json: String) throws -> String {
  guard let value = try decodeField(type, json) else { throw DecodedNull() }
  return try encodedField(value)
}

/// The package's top directory, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bytes of a corpus file, by its path below `corpus/`.
func corpusFile(_ path: String) throws -> Data {
  try Data(contentsOf: packageRoot.appending(path: "corpus").appending(path: path))
}

/// The coding path of a decoding error, as JSON pointer tokens.
func pointerTokens(of error: DecodingError?) -> [String]? {
  let context: DecodingError.Context? =
    switch error {
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .keyNotFound(_, let context), .dataCorrupted(let context):
      context
    default: nil
    }
  return context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
}

/// Thrown by ``roundTripField(_:_:)`` when the field decoded as nil.
struct DecodedNull: Error {}
