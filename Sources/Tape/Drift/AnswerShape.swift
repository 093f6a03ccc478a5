import JSONTree

/// The shape of answers, to compare two recordings of one API: the JSON types each member
/// came as (by pointer, array indices written `*`), the values of the enumerated fields a
/// ``DriftInspector`` names, and the error codes of error answers.
public struct AnswerShape: Hashable, Sendable {
  /// The JSON types (`string`, `number`, `object`...) each member came as.
  public var memberTypes: [String: Set<String>]
  /// The values (as JSON text) each tracked enumerated field came with.
  public var values: [String: Set<String>]
  /// The error codes of the error answers.
  public var errorCodes: Set<String>

  /// An empty shape.
  public init(
    memberTypes: [String: Set<String>] = [:], values: [String: Set<String>] = [:],
    errorCodes: Set<String> = []
  ) {
    self.memberTypes = memberTypes
    self.values = values
    self.errorCodes = errorCodes
  }

  /// The shape of one JSON answer: every member at every depth, and the values at the
  /// `trackedValues` pointers (patterns such as `/json/details/*/status`).
  public init(of document: JSONValue, trackedValues: Set<String> = []) {
    self.init()
    record(document, at: "", trackedValues: trackedValues)
  }

  /// The shape of both.
  public mutating func formUnion(_ other: AnswerShape) {
    memberTypes.merge(other.memberTypes) { $0.union($1) }
    values.merge(other.values) { $0.union($1) }
    errorCodes.formUnion(other.errorCodes)
  }

  /// `pattern` with `token` appended, escaped as RFC 6901 writes it.
  static func appending(_ token: String, to pattern: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return pattern + "/" + token }
    return pattern + "/" + token.replacing("~", with: "~0").replacing("/", with: "~1")
  }

  private mutating func record(_ value: JSONValue, at pattern: String, trackedValues: Set<String>) {
    if trackedValues.contains(pattern) {
      values[pattern, default: []].insert(DriftValue.text(of: value))
    }
    switch value {
    case .object(let members):
      for member in members {
        let child = Self.appending(member.key, to: pattern)
        memberTypes[child, default: []].insert(member.value.typeName)
        record(member.value, at: child, trackedValues: trackedValues)
      }
    case .array(let elements):
      let child = pattern + "/*"
      for element in elements {
        memberTypes[child, default: []].insert(element.typeName)
        record(element, at: child, trackedValues: trackedValues)
      }
    default:
      break
    }
  }
}
