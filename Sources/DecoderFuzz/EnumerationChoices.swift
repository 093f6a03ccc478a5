import Foundation
import JSONTree

/// The values an enumeration mutation writes at one documented field: its documented
/// values, their variants in case and type (`"success"`, `"1"`, `1.0`), and values outside
/// the set, all written once when the field is first seen.
struct EnumerationChoices: Sendable {
  /// The documented values.
  let documented: [Replacement]
  /// For each documented value, its variants.
  let variants: [[Replacement]]
  /// Values of the same JSON type that are not documented.
  let unknown: [Replacement]

  /// The choices of a field documented with `documented` values (none for a field that is
  /// not an enumeration).
  init(documented: [JSONValue]) {
    self.documented = documented.map(Replacement.init)
    variants = documented.map { value in
      if let lexeme = value.numberLexeme {
        return [.string(lexeme), .number(lexeme + ".0"), .number(lexeme + "e0")].map(
          Replacement.init)
      }
      let text = value.stringValue ?? ""
      return [
        text.lowercased(), text.capitalized, " \(text)", "\(text) ", text + "\u{0}",
        text.uppercased() + "\u{200B}",
      ].map { Replacement(.string($0)) }
    }
    unknown = documented.first?.numberLexeme != nil ? Self.unknownNumbers : Self.unknownStrings
  }

  /// The choices where the schema documents no enumeration.
  static let undocumented = EnumerationChoices(documented: [])

  private static let unknownNumbers = ["5", "-2", "99", "2147483647", "-2147483648", "3.5", "1e3"]
    .map { Replacement(.number($0)) }
  private static let unknownStrings = [
    "UNKNOWN", "PENDING", "CANCELED", "", "in_progress", "SUCCEEDED", "2",
  ].map { Replacement(.string($0)) }
}
