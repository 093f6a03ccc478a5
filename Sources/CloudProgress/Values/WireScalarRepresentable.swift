import JSONTree

/// A field value that is an interpretation of one ``WireScalar``: it decodes any scalar and
/// encodes exactly the scalar it was decoded from. The hardened types (``LongTimestamp``,
/// ``Percentage``, ``NumericString``, every ``OpenEnumeration``) get their `Codable` from here.
public protocol WireScalarRepresentable: Codable, Hashable, Sendable {
  /// Interprets a wire value.
  init(wireValue: WireScalar)
  /// The value exactly as it arrived (or as it will be sent).
  var wireValue: WireScalar { get }
}

extension WireScalarRepresentable {
  /// Decodes any string, number or boolean; `null`, arrays and objects are errors that name
  /// their path.
  public init(from decoder: any Decoder) throws {
    self.init(wireValue: try WireScalar(from: decoder))
  }

  /// Encodes the wire value.
  public func encode(to encoder: any Encoder) throws {
    try wireValue.encode(to: encoder)
  }
}

extension KeyedDecodingContainer {
  /// Decodes a member as ``WireScalarRepresentable/init(from:)`` does, from the member's
  /// ``JSONValue``: with `JSONValueDecoder` that takes no decoder of its own, and an open
  /// enumeration in every detail of a large answer no longer costs a generic decode.
  func decode<Value: WireScalarRepresentable>(_ type: Value.Type, forKey key: Key) throws
    -> Value
  {
    Value(
      wireValue: try WireScalar(try decode(JSONValue.self, forKey: key), at: codingPath + [key]))
  }

  /// Decodes a member that may be absent or `null` (then nil), as
  /// ``decode(_:forKey:)`` does.
  func decodeIfPresent<Value: WireScalarRepresentable>(_ type: Value.Type, forKey key: Key)
    throws -> Value?
  {
    guard let value = try decodeIfPresent(JSONValue.self, forKey: key) else { return nil }
    return Value(wireValue: try WireScalar(value, at: codingPath + [key]))
  }
}

extension KeyedEncodingContainer {
  /// Encodes a member as ``WireScalarRepresentable/encode(to:)`` does: its wire value, here
  /// as the ``JSONValue`` it is, which `JSONValueEncoder` takes as it is and any other
  /// encoder writes as the same scalar. Through `encode(to:)`, every status of every detail
  /// encoded took a nested encoder and a single-value container.
  mutating func encode<Value: WireScalarRepresentable>(_ value: Value, forKey key: Key) throws {
    try encode(value.wireValue.jsonValue, forKey: key)
  }

  /// Encodes a member that may be nil (then left out), as ``encode(_:forKey:)`` does.
  mutating func encodeIfPresent<Value: WireScalarRepresentable>(_ value: Value?, forKey key: Key)
    throws
  {
    guard let value else { return }
    try encode(value.wireValue.jsonValue, forKey: key)
  }
}
