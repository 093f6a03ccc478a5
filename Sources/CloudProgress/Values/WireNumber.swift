import Foundation

/// A JSON number as it arrived, kept as text so that no digit is lost on the way back out.
///
/// Decoding goes through `Decimal`, which keeps every digit of a number with up to 38
/// significant digits (every `Int64`, every `UInt64`, and the documented
/// `9223372036854776000` that `Int64` refuses), and falls back to `Double` for magnitudes
/// `Decimal` cannot hold. A number outside `Double`'s range (`1e309`) is a decoding error
/// that names its path; it never traps. Foundation's `JSONDecoder` does not expose the
/// original lexeme, so `1e2` comes back as `100` and `-0` as `0`: the same value, other text.
///
/// ``text`` is always the text the number decodes with after ``encode(to:)``, so a decode,
/// encode, decode gives the same value back: a number read through `Double` is written as
/// `Decimal` writes it whenever `Decimal` holds it (`0e400` and `-0e-200` are `0`, not `0.0`).
public struct WireNumber: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The number in decimal notation, for example `"9223372036854776000"` or `"0.5"`.
  public let text: String

  /// Creates a number from its decimal text; nil when `text` is not a JSON number.
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

  private init(verbatim text: String) {
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
    let container = try decoder.singleValueContainer()
    // Out of range, JSONDecoder throws an internal error, not a DecodingError, and turns it
    // into a path-less "not valid JSON" at the top: catch it here, where the path is known.
    do {
      self.init(verbatim: try container.decode(Decimal.self).description)
    } catch let error as DecodingError {
      throw error
    } catch {
      guard let double = try? container.decode(Double.self), double.isFinite else {
        throw DecodingError.dataCorruptedError(
          in: container,
          debugDescription: "number outside the range of Decimal and Double (beyond ±1.8e308)")
      }
      self.init(verbatim: Self.text(of: double))
    }
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
    var container = encoder.singleValueContainer()
    if let decimal = Decimal(string: text) {
      try container.encode(decimal)
    } else if let double = Double(text), double.isFinite {
      try container.encode(double)
    } else {
      throw EncodingError.invalidValue(
        text, .init(codingPath: encoder.codingPath, debugDescription: "not a finite number"))
    }
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
