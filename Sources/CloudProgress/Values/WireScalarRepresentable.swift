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
