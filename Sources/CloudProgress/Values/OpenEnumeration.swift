import JSONTree

/// An enumerated field that stays open: the documented cases, plus `unknown` for any other
/// value, which is kept exactly as it arrived (string or number) and encoded back unchanged.
///
/// A known case matches only its documented wire value of the documented type: the string
/// `"1"` is not the integer `1`, and `"success"` is not `"SUCCESS"`. Both decode as
/// `unknown` and round-trip verbatim.
///
/// Conforming enums list their cases once in ``documentedCases``; decoding, encoding and
/// ``wireValue`` come from the protocol.
public protocol OpenEnumeration: WireScalarRepresentable, WireDocumented {
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

extension OpenEnumeration {
  /// The documented case this value stands for: itself when documented; for an
  /// undocumented wire value, the documented case it spells another way, if any.
  ///
  /// Two other spellings are read, for every open enumeration alike: an integer in a
  /// string with exactly the documented digits (`"1"` for `1`, `"-1"` for `-1`; not `"01"`,
  /// `" 1"`, `"1.0"`), and a string in other ASCII letter case (`"success"` for `SUCCESS`).
  /// A number that is not an integer lexeme (`1.0`, `1e0`) is never an integer case. Any
  /// other value has no documented reading: a poller sees it as unknown.
  public var documentedReading: Self? {
    guard let found = unknownWireValue else { return self }
    return Self.documentedCases.first(where: { spellsAlike($0.wireValue, found) })?.value
  }

  /// The anomaly an undocumented value makes at `path`, with the reading if there is one;
  /// nil for a documented value.
  public func anomaly(at path: JSONPointer) -> WireAnomaly? {
    guard let found = unknownWireValue else { return nil }
    return WireAnomaly(
      path: path, documentedType: Self.documentedWireType, found: found.jsonValue,
      readAs: documentedReading?.wireValue.description)
  }
}

/// Whether `found` is `documented` written another way (see
/// ``OpenEnumeration/documentedReading``).
private func spellsAlike(_ documented: WireScalar, _ found: WireScalar) -> Bool {
  switch (documented, found) {
  case (.number(let number), .string(let text)):
    return JSONNumberGrammar.isInteger(number.text) && text == number.text
  case (.string(let documentedText), .string(let text)):
    return documentedText.utf8.count == text.utf8.count
      && zip(documentedText.utf8, text.utf8).allSatisfy { asciiLowercase($0) == asciiLowercase($1) }
  default:
    return false
  }
}

private func asciiLowercase(_ byte: UInt8) -> UInt8 {
  (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
}
