import CloudProgress
import Foundation
import JSONTree

/// The oracles of an error answer.
///
/// 1. `CloudError(httpStatus:requestID:body:)` reads any bytes; a message it takes from the
///    body text is never empty, and a documented body's `error_code` and `error_msg` are
///    read verbatim (an empty `error_msg` stays empty).
/// 2. A documented body decodes as `ErrorBody`, and `ErrorBody` round-trips. Decoded as
///    the package decodes everything, `JSONValueDecoder` on the tree `JSONParser` built (the
///    path of `Model(jsonData:)`; bare `JSONDecoder` is exposed to a crash, see the README),
///    from the tree already parsed for `CloudError`.
public enum ErrorBodyOracles {
  /// Runs `bytes` through `CloudError` and `ErrorBody`.
  @Sendable public static func check(_ bytes: [UInt8]) -> ExecutionOutcome {
    // Parsed once, for CloudError (as its body initializer would) and for the schema; the
    // body read from the input's bytes, as from a `Data` of them. Whether it parsed is all
    // that is kept of a failure: none is described.
    let document: JSONValue?
    switch JSONParser().parseNest(bytes) {
    case .invalid:
      document = nil
    case .nest(let depth, let innermost) where depth > 0 && !holdsObject(innermost):
      // A nest of arrays around a value holding no object (the mutator's deepest bodies,
      // a third of cpts-error's time in building and freeing 512 arrays) gets every verdict
      // of one level around that value: no pair to find in it, not documented (the root is
      // not an object), and ErrorBody refuses any array at the root as it refuses this one.
      // Only `source`'s pointer could tell the depth, and no pair means no pointer.
      document = .array([innermost])
    case .nest(let depth, let innermost):
      document = (0..<depth).reduce(innermost) { inner, _ in .array([inner]) }
    case .notNest:
      document = JSONParser().parseIfValid(bytes)
    }
    return check(bytes, document: document)
  }

  /// The oracles on `bytes` and what stands for their parse: `JSONParser().parse(bytes)`
  /// (nil where it throws), or a document every oracle judges alike.
  static func check(_ bytes: [UInt8], document: JSONValue?) -> ExecutionOutcome {
    let cloudError = CloudError(
      httpStatus: 400, requestID: nil, bodyBytes: bytes, document: document)
    if cloudError.message.isEmpty, cloudError.source == .text {
      return .finding(
        FindingReport(.invariantBroken, detail: "CloudError made an empty message of the body"))
    }
    let documented = document.map(FuzzSchema.errorBody.documents) ?? false
    if documented, let document, let code = document["error_code"]?.stringValue,
      let message = document["error_msg"]?.stringValue,
      cloudError.code != code || cloudError.message != message
    {
      return .finding(
        FindingReport(
          .documentedRejected,
          detail:
            "CloudError read code \(cloudError.code ?? "nil") and message \(cloudError.message)"))
    }
    let body: ErrorBody
    do {
      guard let document else {
        return .accepted(signature: cloudError.source.signature(decoded: false))
      }
      body = try JSONValueDecoder().decode(ErrorBody.self, from: document)
    } catch {
      let summary = DecodingErrorSummary(error)
      if documented {
        return .finding(
          FindingReport(
            .documentedRejected, path: summary.pointer.description, detail: "ErrorBody: \(summary)"
          ))
      }
      return .accepted(signature: "\(cloudError.source.kind), ErrorBody \(summary.kind)")
    }
    // The round trip depends on the body alone; many inputs decode to a body seen before.
    let hash = HashMemory.hash(of: body)
    if !stableBodies.contains(hash) {
      do {
        let again = try JSONValueDecoder().decode(
          ErrorBody.self, from: try JSONValueEncoder().encodeBytes(body))
        guard again == body else {
          return .finding(
            FindingReport(.unstableRoundTrip, detail: "ErrorBody changed: \(again)"))
        }
      } catch {
        return .finding(
          FindingReport(.unstableRoundTrip, detail: "ErrorBody does not round-trip: \(error)"))
      }
      stableBodies.insert(hash)
    }
    return .accepted(signature: cloudError.source.signature(decoded: true))
  }

  /// Whether `value` is or holds an object anywhere (only an object holds a pair).
  static func holdsObject(_ value: JSONValue) -> Bool {
    switch value {
    case .object: true
    case .array(let elements): elements.contains(where: holdsObject)
    default: false
    }
  }

  /// Bodies (by hash) that already came back equal through encode and decode.
  private static let stableBodies = HashMemory(capacity: 1 << 16)
}

extension CloudError.Source {
  /// The signature of a body `ErrorBody` decoded, or of one that is not JSON: literals, not
  /// a string made per input.
  fileprivate func signature(decoded: Bool) -> String {
    switch (self, decoded) {
    case (.errorCodeAndMessage, true): "error_code, ErrorBody"
    case (.errorCodeAndMessage, false): "error_code, ErrorBody dataCorrupted"
    case (.codeAndMessage, true): "code, ErrorBody"
    case (.codeAndMessage, false): "code, ErrorBody dataCorrupted"
    case (.nested, true): "nested, ErrorBody"
    case (.nested, false): "nested, ErrorBody dataCorrupted"
    case (.text, true): "text, ErrorBody"
    case (.text, false): "text, ErrorBody dataCorrupted"
    }
  }

  fileprivate var kind: String {
    switch self {
    case .errorCodeAndMessage: "error_code"
    case .codeAndMessage: "code"
    case .nested: "nested"
    case .text: "text"
    }
  }
}
