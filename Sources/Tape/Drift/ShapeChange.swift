/// One way an API's answers changed since the previous recording.
public struct ShapeChange: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// What changed.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// A member that no answer of the previous recording held; the detail is its JSON type.
    case memberAdded = "member added"
    /// A member the previous recording held and this one does not; the detail is the JSON
    /// type it came as.
    case memberGone = "member gone"
    /// A member that came as other JSON types: `string -> number`.
    case typeChanged = "type changed"
    /// A value of an enumerated field (a status) the previous recording never had.
    case newValue = "new value"
    /// An error code the previous recording never had.
    case newErrorCode = "new error code"

    /// In the order the cases are declared.
    public static func < (left: Kind, right: Kind) -> Bool {
      allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
  }

  /// The API, such as `check`.
  public var api: String
  /// Where, as a drift finding names it; `(error answers)` for an error code.
  public var path: String
  /// What changed.
  public var kind: Kind
  /// JSON types, or the new value or code.
  public var detail: String

  /// Creates a change.
  public init(api: String, path: String, kind: Kind, detail: String) {
    self.api = api
    self.path = path
    self.kind = kind
    self.detail = detail
  }

  /// By API, path, kind, then detail.
  public static func < (left: ShapeChange, right: ShapeChange) -> Bool {
    (left.api, left.path) != (right.api, right.path)
      ? (left.api, left.path) < (right.api, right.path)
      : (left.kind, left.detail) < (right.kind, right.detail)
  }

  /// `check /progress/ratio: type changed: string -> number`.
  public var description: String { "\(api) \(path): \(kind.rawValue): \(detail)" }
}
