import JSONTree

/// The documented fields of one payload, by pointer pattern (`*` stands for any array
/// index): `["/json": .object, "/json/details/*/id": .integer(int64Range)]`, and which of
/// them the progress is read from.
public struct FuzzSchema: Hashable, Sendable {
  /// The fields by pattern.
  public var fields: [String: FieldKind]
  /// The fields the `TaskProgress` phase and percent are read from; the rest are cosmetic.
  public let progress: ProgressFields
  private let patterns: [(tokens: [String], kind: FieldKind)]

  /// Creates a schema; the root is always an object.
  public init(_ fields: [String: FieldKind], progress: [String] = []) {
    self.fields = fields
    self.progress = ProgressFields(progress)
    self.patterns = fields.sorted { $0.key < $1.key }.map { entry in
      (JSONPointer(entry.key)?.tokens ?? [], entry.value)
    }
  }

  /// The kind of the field at `pointer`, when the schema documents it.
  public func kind(at pointer: JSONPointer) -> FieldKind? {
    patterns.first { pattern in
      pattern.tokens.count == pointer.tokens.count
        && zip(pattern.tokens, pointer.tokens).allSatisfy { expected, token in
          expected == token || (expected == "*" && Int(token) != nil)
        }
    }?.kind
  }

  /// Whether `document` is a payload the documentation allows: an object whose documented
  /// fields each hold null or a value of their kind, with no member name twice. Unknown
  /// members are allowed (clients must ignore them) as long as they nest at most
  /// ``unknownValueDepthLimit`` levels.
  public func documents(_ document: JSONValue) -> Bool {
    guard document.members != nil else { return false }
    return isDocumented(document, at: [])
  }

  /// How deep an unknown member's value may nest in a documented payload.
  public static let unknownValueDepthLimit = 32

  private func isDocumented(_ value: JSONValue, at tokens: [String]) -> Bool {
    let pointer = JSONPointer(tokens: tokens)
    if !tokens.isEmpty {
      guard let kind = kind(at: pointer) else {
        return Self.nests(value, atMost: Self.unknownValueDepthLimit)
      }
      if value == .null { return true }
      guard kind.admits(value) else { return false }
    }
    switch value {
    case .object(let members):
      guard Set(members.map(\.key)).count == members.count else { return false }
      return members.allSatisfy { isDocumented($0.value, at: tokens + [$0.key]) }
    case .array(let elements):
      return elements.indices.allSatisfy { isDocumented(elements[$0], at: tokens + [String($0)]) }
    default:
      return true
    }
  }

  /// Whether `value.nestingDepth <= levels`, looking no deeper than `levels + 1`: an unknown
  /// member nested 511 levels, or made of thousands of small arrays, is judged without
  /// walking (and copying) all of it.
  static func nests(_ value: JSONValue, atMost levels: Int) -> Bool {
    switch value {
    case .array(let elements):
      levels > 0 && elements.allSatisfy { nests($0, atMost: levels - 1) }
    case .object(let members):
      levels > 0 && members.allSatisfy { nests($0.value, atMost: levels - 1) }
    default:
      true
    }
  }
}

extension FuzzSchema {
  /// Equal when the fields and the progress fields are.
  public static func == (left: FuzzSchema, right: FuzzSchema) -> Bool {
    left.fields == right.fields && left.progress == right.progress
  }

  /// Hashes the fields.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(fields)
    hasher.combine(progress)
  }
}
