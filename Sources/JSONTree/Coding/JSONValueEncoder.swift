/// Encodes `Encodable` values into a ``JSONValue``; a value that encodes a ``JSONValue`` is
/// written exactly as it is, so a number's lexeme survives a decode and encode unchanged.
///
/// The counterpart of ``JSONValueDecoder``. Members keep the order they were encoded in;
/// encoding the same key twice replaces the value in its first place.
public struct JSONValueEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// Encodes a value into a tree.
  public func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
    let slot = EncodingSlot()
    try ValueEncoder(slot: slot, path: nil).encode(value)
    guard let document = slot.materialized() else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "\(Value.self) encoded no value"))
    }
    return document
  }

  /// Encodes a value into compact JSON bytes.
  public func encodeBytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
    JSONWriter.bytes(of: try encode(value))
  }
}
