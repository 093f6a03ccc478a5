import Foundation
import JSONTree

/// A `DecodingError` reworded for people: where (a JSON pointer) and what.
struct DecodingFailure: CustomStringConvertible {
  var pointer: JSONPointer
  var reason: String

  init(_ error: DecodingError) {
    switch error {
    case .typeMismatch(let type, let context):
      // The decoders of this package say what they expected and found in words ("expected
      // an object, found array"); a Swift type name ("Dictionary<String, JSONValue>") is
      // only for a description that does not.
      let detail = context.debugDescription.trimmingCharacters(in: .whitespaces)
      if Self.saysWhatWasExpected(detail) {
        self.init(context, reason: detail)
      } else {
        self.init(
          context,
          reason: "expected \(Self.name(of: type))"
            + (detail.isEmpty ? ", found a value of another type" : ": \(detail)"))
      }
    case .valueNotFound(let type, let context):
      let detail = context.debugDescription.trimmingCharacters(in: .whitespaces)
      if Self.saysWhatWasExpected(detail) || detail.hasPrefix("the array has only") {
        self.init(context, reason: detail)
      } else {
        self.init(context, reason: "expected \(Self.name(of: type)), found null")
      }
    case .keyNotFound(let key, let context):
      self.init(context, reason: "missing key '\(key.stringValue)'")
    case .dataCorrupted(let context):
      let detail = context.debugDescription.trimmingCharacters(in: .whitespaces)
      self.init(context, reason: detail.isEmpty ? "the value is not valid here" : detail)
    @unknown default:
      self.init(pointer: .root, reason: "\(error)")
    }
  }

  private init(pointer: JSONPointer, reason: String) {
    self.pointer = pointer
    self.reason = reason
  }

  private init(_ context: DecodingError.Context, reason: String) {
    self.pointer = JSONPointer(
      tokens: context.codingPath.map { key in key.intValue.map(String.init) ?? key.stringValue })
    self.reason = reason
  }

  var description: String { "at \(pointer.displayText): \(reason)" }

  /// Whether a description is already the sentence to print: `expected ..., found ...`.
  private static func saysWhatWasExpected(_ detail: String) -> Bool {
    detail.hasPrefix("expected ") && detail.contains(", found ")
  }

  private static func name(of type: Any.Type) -> String {
    "\(type)".replacingOccurrences(of: "Optional<", with: "").replacingOccurrences(
      of: ">", with: "")
  }
}
