/// One difference between a recording and the models: which API, where in its answers (a
/// JSON pointer with every array index written `*`), what kind, and a detail that holds
/// JSON types, documented types and the values of known enumerated fields, never any other
/// value.
public struct DriftFinding: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The API the answers belong to, such as `check`.
  public var api: String
  /// Where: `/progress/ratio`, `/json/details/*/status`, or `(root)` for the whole answer.
  public var path: String
  /// What kind of drift.
  public var kind: DriftKind
  /// The JSON type, the documented type or the enumerated value (see ``DriftKind``).
  public var detail: String

  /// Creates a finding.
  public init(api: String, path: String, kind: DriftKind, detail: String) {
    self.api = api
    self.path = path
    self.kind = kind
    self.detail = detail
  }

  /// By API, path, kind, then detail: the order of the report and of the metadata.
  public static func < (left: DriftFinding, right: DriftFinding) -> Bool {
    (left.api, left.path) != (right.api, right.path)
      ? (left.api, left.path) < (right.api, right.path)
      : (left.kind, left.detail) < (right.kind, right.detail)
  }

  /// `member the models do not know: object`, without the API and path.
  public var statement: String { "\(kind.rawValue): \(detail)" }

  /// `check /new_field: member the models do not know: object`.
  public var description: String { "\(api) \(path): \(statement)" }
}
