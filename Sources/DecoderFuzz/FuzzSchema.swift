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
  /// The patterns compiled, in the same order: what `kind(at:)` and `documents(_:)` walk with.
  private let matcher: PointerPatternMatcher

  /// Creates a schema; the root is always an object.
  public init(_ fields: [String: FieldKind], progress: [String] = []) {
    self.fields = fields
    self.progress = ProgressFields(progress)
    let patterns = fields.sorted { $0.key < $1.key }.map { entry in
      (tokens: JSONPointer(entry.key)?.tokens ?? [], kind: entry.value)
    }
    self.patterns = patterns
    self.matcher = PointerPatternMatcher(patterns.map(\.tokens))
  }

  /// The kind of the field at `pointer`, when the schema documents it: the first pattern
  /// (in the order of their text) that matches, a token matching `*` when it reads as an
  /// `Int`.
  public func kind(at pointer: JSONPointer) -> FieldKind? {
    kind(in: matcher.state(after: pointer.tokens))
  }

  /// The kind of a field whose path ends in `state`.
  private func kind(in state: Int) -> FieldKind? {
    matcher.firstTerminal(state).map { patterns[$0].kind }
  }

  /// Whether `document` is a payload the documentation allows: an object whose documented
  /// fields each hold null or a value of their kind, with no member name twice. Unknown
  /// members are allowed (clients must ignore them) as long as they nest at most
  /// ``unknownValueDepthLimit`` levels.
  public func documents(_ document: JSONValue) -> Bool {
    guard document.members != nil else { return false }
    return isDocumented(document, in: PointerPatternMatcher.root, isRoot: true)
  }

  /// How deep an unknown member's value may nest in a documented payload.
  public static let unknownValueDepthLimit = 32

  private func isDocumented(_ value: JSONValue, in state: Int, isRoot: Bool) -> Bool {
    if !isRoot {
      guard let kind = kind(in: state) else {
        return Self.nests(value, atMost: Self.unknownValueDepthLimit)
      }
      if value == .null { return true }
      guard kind.admits(value) else { return false }
    }
    switch value {
    case .object(let members):
      guard Self.namesAreDistinct(members) else { return false }
      return members.allSatisfy {
        isDocumented($0.value, in: matcher.step(state, key: $0.key), isRoot: false)
      }
    case .array(let elements):
      return elements.indices.allSatisfy {
        isDocumented(elements[$0], in: matcher.step(state, index: $0), isRoot: false)
      }
    default:
      return true
    }
  }

  /// Whether no member name comes twice: a few members compared pair by pair, without
  /// building a set.
  static func namesAreDistinct(_ members: [JSONMember]) -> Bool {
    guard members.count > 8 else {
      for later in members.indices {
        for earlier in 0..<later where members[earlier].key == members[later].key {
          return false
        }
      }
      return true
    }
    return Set(members.map(\.key)).count == members.count
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
