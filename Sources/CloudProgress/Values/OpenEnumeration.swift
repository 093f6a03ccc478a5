/// An enumerated field that stays open: the documented cases, plus `unknown` for any other
/// value, which is kept exactly as it arrived (string or number) and encoded back unchanged.
///
/// A known case matches only its documented wire value of the documented type: the string
/// `"1"` is not the integer `1`, and `"success"` is not `"SUCCESS"`. Both decode as
/// `unknown` and round-trip verbatim.
///
/// Conforming enums list their cases once in ``documentedCases``; decoding, encoding and
/// ``wireValue`` come from the protocol.
public protocol OpenEnumeration: WireScalarRepresentable {
  /// Every documented case with its wire value.
  static var documentedCases: [(value: Self, wireValue: WireScalar)] { get }
  /// The case that holds an undocumented wire value.
  static func unknown(_ wireValue: WireScalar) -> Self
  /// The wire value of an `unknown` case; nil for documented cases.
  var unknownWireValue: WireScalar? { get }
}

extension OpenEnumeration {
  /// The documented case with this wire value, or `unknown(wireValue)`.
  public init(wireValue: WireScalar) {
    self =
      Self.documentedCases.first(where: { $0.wireValue == wireValue })?.value
      ?? .unknown(wireValue)
  }

  /// The value as it travels on the wire.
  public var wireValue: WireScalar {
    if let unknownWireValue { return unknownWireValue }
    guard let entry = Self.documentedCases.first(where: { $0.value == self }) else {
      preconditionFailure("\(Self.self).documentedCases does not list one of its cases")
    }
    return entry.wireValue
  }

  /// Whether this is one of the documented cases.
  public var isDocumented: Bool { unknownWireValue == nil }
}
