import JSONTree

/// A field the progress does not depend on: a value of another type never fails the answer.
///
/// `null` or absent is nil, as for any optional field. A value that does not decode as
/// `Value` (a name sent as `5`, an id beyond `Int64`, `extend` sent as `{}`) leaves the field
/// nil and is kept in the projected value, a ``WireAnomaly`` with its path; encoding writes
/// it back exactly as it came, so a decode and encode change nothing. Read it as
/// `model.$name`, or all of a model's at once in `wireAnomalies`.
@propertyWrapper
public struct Tolerant<Value: Codable & Hashable & Sendable & WireDocumented>: Codable, Hashable,
  Sendable
{
  /// The value, when it came as documented.
  public var wrappedValue: Value? {
    didSet { anomaly = nil }
  }
  /// What came instead of a documented value, if anything.
  public private(set) var anomaly: WireAnomaly?

  /// The anomaly, if the field came as something other than its documented type.
  public var projectedValue: WireAnomaly? { anomaly }

  /// Wraps a value.
  public init(wrappedValue: Value?) {
    self.wrappedValue = wrappedValue
  }

  /// Decodes the value, or keeps what came as an anomaly.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self.init(wrappedValue: nil)
      return
    }
    do {
      self.init(wrappedValue: try container.decode(Value.self))
    } catch {
      self.init(anomalyAt: decoder.codingPath, found: try JSONValue(from: decoder))
    }
  }

  /// A field that came as `found` instead of a `Value`, at `codingPath`.
  init(anomalyAt codingPath: [any CodingKey], found: JSONValue) {
    self.wrappedValue = nil
    self.anomaly = WireAnomaly(
      path: JSONPointer(codingPath: codingPath), documentedType: Value.documentedWireType,
      found: found)
  }

  /// Encodes the value, or what came in its place.
  public func encode(to encoder: any Encoder) throws {
    if let anomaly {
      try anomaly.found.encode(to: encoder)
    } else {
      var container = encoder.singleValueContainer()
      try container.encode(wrappedValue)
    }
  }

  /// Whether there is nothing to encode.
  var isAbsent: Bool { wrappedValue == nil && anomaly == nil }
}

extension KeyedDecodingContainer {
  /// An absent tolerant field is nil, as an absent optional is.
  ///
  /// Decodes as ``Tolerant/init(from:)`` does, but here, in the model's own (specialized)
  /// decoding: through `init(from:)`, every tolerant field of every detail of a large
  /// answer paid for a generic call and the runtime's look-up of its type.
  func decode<Value>(_ type: Tolerant<Value>.Type, forKey key: Key) throws -> Tolerant<Value> {
    do {
      return Tolerant(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
    } catch {
      return Tolerant(
        anomalyAt: codingPath + [key], found: try decode(JSONValue.self, forKey: key))
    }
  }
}

extension KeyedEncodingContainer {
  /// A nil tolerant field is left out, as a nil optional is.
  mutating func encode<Value>(_ value: Tolerant<Value>, forKey key: Key) throws {
    guard !value.isAbsent else { return }
    try encodeIfPresent(value, forKey: key)
  }
}
