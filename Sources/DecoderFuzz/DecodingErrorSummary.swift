import JSONTree

/// A `DecodingError` as a JSON pointer and a short reason.
public struct DecodingErrorSummary: Hashable, Sendable, CustomStringConvertible {
  /// Where the error is.
  public var pointer: JSONPointer
  /// The error's kind (`typeMismatch`, `valueNotFound`, `keyNotFound`, `dataCorrupted`).
  public var kind: String
  /// The decoder's explanation.
  public var reason: String
  /// The pointer with array indices written `*` (`/json/details/*/id`), which signs a
  /// rejection: the same rejection at another index is not another behaviour.
  public var pattern: String { PathPattern.of(pointer) }

  /// Summarizes any error; errors other than `DecodingError` have the root as pointer.
  public init(_ error: any Error) {
    guard let decodingError = error as? DecodingError else {
      self.init(pointer: .root, kind: "error", reason: "\(error)")
      return
    }
    switch decodingError {
    case .typeMismatch(_, let context):
      self.init(context, kind: "typeMismatch")
    case .valueNotFound(_, let context):
      self.init(context, kind: "valueNotFound")
    case .keyNotFound(let key, let context):
      self.init(
        context.codingPath, kind: "keyNotFound", reason: "missing key '\(key.stringValue)'")
    case .dataCorrupted(let context):
      self.init(context, kind: "dataCorrupted")
    @unknown default:
      self.init(pointer: .root, kind: "error", reason: "\(decodingError)")
    }
  }

  /// The signature of a body that does not parse, as the summary of the error
  /// `Model(jsonData:)` throws for it would give (`dataCorrupted` at the parse error's
  /// pointer, with indices as `*`), without parsing the body again or writing the message.
  public static func rejectionSignature(of parseError: JSONParseError) -> String {
    "dataCorrupted \(PathPattern.of(parseError.pointer))"
  }

  private init(pointer: JSONPointer, kind: String, reason: String) {
    self.pointer = pointer
    self.kind = kind
    self.reason = reason
  }

  private init(_ codingPath: [any CodingKey], kind: String, reason: String) {
    self.init(
      pointer: JSONPointer(
        tokens: codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }),
      kind: kind, reason: reason)
  }

  private init(_ context: DecodingError.Context, kind: String) {
    self.init(context.codingPath, kind: kind, reason: context.debugDescription)
  }

  /// `typeMismatch at /status: reason`.
  public var description: String { "\(kind) at \(pointer.displayText): \(reason)" }
}
