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
}

extension KeyedDecodingContainer {
  /// An absent tolerant field is nil, as an absent optional is.
  ///
  /// Decodes as ``Tolerant/init(from:)`` does, but here, in the model's own (specialized)
  /// decoding: through `init(from:)`, every tolerant field of every detail of a large
  /// answer paid for a generic call and the runtime's look-up of its type.
  func decode<Value>(_ type: Tolerant<Value>.Type, forKey key: Key) throws -> Tolerant<Value> {
    do {
      return Tolerant(wrappedValue: try decodeWrappedIfPresent(Value.self, forKey: key))
    } catch {
      return Tolerant(
        anomalyAt: codingPath + [key], found: try decode(JSONValue.self, forKey: key))
    }
  }
}

extension KeyedDecodingContainer {
  /// `decodeIfPresent(Value.self, forKey:)`, the commonest wrapped types through their own
  /// overloads: the generic one, called with a `Value` the model does not fix, paid for the
  /// runtime's generic decoding on every tolerant field (a third of decoding a quality
  /// answer). The same member is read with the same rules, so the same value or error comes.
  private func decodeWrappedIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key)
    throws -> Value?
  {
    if Value.self == String.self {
      return unsafeBitCast(try decodeIfPresent(String.self, forKey: key), to: Value?.self)
    }
    if Value.self == Int64.self {
      return unsafeBitCast(try decodeIfPresent(Int64.self, forKey: key), to: Value?.self)
    }
    if Value.self == Bool.self {
      return unsafeBitCast(try decodeIfPresent(Bool.self, forKey: key), to: Value?.self)
    }
    return try decodeIfPresent(Value.self, forKey: key)
  }
}

extension KeyedEncodingContainer {
  /// A nil tolerant field is left out, as a nil optional is.
  ///
  /// Writes what ``Tolerant/encode(to:)`` writes (what came in the value's place, else the
  /// value), as the member itself: through the wrapper, every field of every model encoded
  /// took a nested encoder and two single-value containers (the wrapper's, then the
  /// optional's), most of the cost of encoding a model.
  mutating func encode<Value>(_ value: Tolerant<Value>, forKey key: Key) throws {
    if let anomaly = value.anomaly {
      try encode(anomaly.found, forKey: key)
    } else if let wrapped = value.wrappedValue {
      try encode(wrapped, forKey: key)
    }
  }
}
