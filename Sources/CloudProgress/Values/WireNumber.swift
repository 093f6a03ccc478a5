import Foundation
import JSONTree

/// A JSON number as it arrived, kept as text so that no digit is lost on the way back out.
///
/// Decoded from a model's safe entry point (`init(jsonData:)`, which uses
/// `JSONValueDecoder`), ``text`` is the lexeme exactly as written: `1.0` stays `1.0`, `1e2`
/// stays `1e2`, `1e400` is kept (it never fails the answer), and encoding with
/// `JSONValueEncoder` writes the same bytes back. A status documented as an integer is that
/// integer only when its lexeme is one.
///
/// Through Foundation's `JSONDecoder`, which does not expose the lexeme, the number is read
/// through `Decimal` (38 significant digits: `1.00000000000000000000000000000000000000001`
/// becomes `1`) or, beyond `Decimal`'s range, `Double`; a number beyond `Double` is a
/// decoding error there. ``text`` is then the text the number decodes with again after
/// ``encode(to:)`` (`0e400` is `0`, not `0.0`), so a decode, encode, decode is stable on
/// either path.
public struct WireNumber: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The number in decimal notation, for example `"9223372036854776000"` or `"0.5"`.
  public let text: String

  /// Creates a number from its decimal text, as `JSONDecoder` would read it (`1e2` is `100`);
  /// nil when `text` is not a JSON number.
  public init?(_ text: String) {
    guard JSONNumberGrammar.matches(text) else { return nil }
    if let decimal = Decimal(string: text) {
      self.text = decimal.description
    } else if let double = Double(text), double.isFinite {
      self.text = Self.text(of: double)
    } else {
      return nil
    }
  }

  /// Creates a number from an integer.
  public init(_ value: some BinaryInteger) {
    self.text = String(value)
  }

  /// A number exactly as written; `lexeme` must be a JSON number.
  init(lexeme text: String) {
    self.text = text
  }

  /// The value as an `Int64`, when it is an integer in range.
  public var int64Value: Int64? { Int64(text) }

  /// The value as a `Decimal`, when `Decimal` can hold it.
  public var decimalValue: Decimal? { Decimal(string: text) }

  /// The value as a `Double` (possibly rounded).
  public var doubleValue: Double? { Double(text) }

  /// The decimal text.
  public var description: String { text }

  /// Decodes a JSON number; see the type's documentation for the precision kept.
  public init(from decoder: any Decoder) throws {
    let value = try JSONValue(from: decoder)
    if value == .null {
      throw DecodingError.valueNotFound(
        WireNumber.self,
        .init(codingPath: decoder.codingPath, debugDescription: "expected a number, found null"))
    }
    guard case .number(let lexeme) = value else {
      throw DecodingError.typeMismatch(
        WireNumber.self,
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "expected a number, found \(value.typeName)"))
    }
    self.init(lexeme: lexeme)
  }

  /// The text of a number only `Double` could read (its lexeme is beyond `Decimal`): the
  /// text `Decimal` gives it when `Decimal` holds the value, because ``encode(to:)`` writes
  /// such a value as a `Decimal`. A zero such as `0e400` reads as `0.0` in `Double`, which
  /// would come back as `0`: it is `0` from the start.
  private static func text(of double: Double) -> String {
    let text = "\(double)"
    return Decimal(string: text)?.description ?? text
  }

  /// Encodes the number with the digits it was decoded with.
  public func encode(to encoder: any Encoder) throws {
    try JSONValue.number(text).encode(to: encoder)
  }
}

/// The RFC 8259 number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
enum JSONNumberGrammar {
  static func matches(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    if bytes.first == UInt8(ascii: "0") {
      bytes = bytes.dropFirst()
    } else {
      guard dropDigits(&bytes) else { return false }
    }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard dropDigits(&bytes) else { return false }
    }
    if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
        bytes = bytes.dropFirst()
      }
      guard dropDigits(&bytes) else { return false }
    }
    return bytes.isEmpty
  }

  /// Whether `text` is an optional minus sign followed by decimal digits only.
  static func isInteger(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    return dropDigits(&bytes) && bytes.isEmpty
  }

  private static func dropDigits(_ bytes: inout Substring.UTF8View.SubSequence) -> Bool {
    let count = bytes.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count
    bytes = bytes.dropFirst(count)
    return count > 0
  }
}
