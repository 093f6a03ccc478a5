import JSONTree

/// The fields of an answer that its `TaskProgress` phase and percent are read from, by
/// pointer pattern (`*` stands for any array index); every other field is cosmetic.
///
/// The cosmetic-field oracles use it to ask whether a value that should not matter did: a
/// cosmetic field of any type must neither reject the answer nor move its phase or percent.
public struct ProgressFields: Hashable, Sendable {
  /// The patterns, such as `/json/details/*/status`.
  public let patterns: [String]
  private let tokenPatterns: [[String]]
  /// The patterns compiled: what the parts and the overlay walk with.
  private let matcher: PointerPatternMatcher
  /// The role of a member whose path ends in each state of the matcher.
  private let roles: [Role]

  /// Creates the set from pointer patterns.
  public init(_ patterns: [String]) {
    self.patterns = patterns
    let tokenPatterns = patterns.map { JSONPointer($0)?.tokens ?? [] }
    let matcher = PointerPatternMatcher(tokenPatterns)
    self.tokenPatterns = tokenPatterns
    self.matcher = matcher
    self.roles = matcher.states.map { state in
      !state.terminals.isEmpty ? .progress : state.hasChildren ? .container : .cosmetic
    }
  }

  /// How the member at `tokens` relates to the progress fields.
  enum Role {
    /// A progress field itself: kept whole.
    case progress
    /// An object or array that holds progress fields: kept, its members sorted out.
    case container
    /// Nothing the progress is read from.
    case cosmetic
  }

  /// The role of a member whose path ends in `state`.
  @inline(__always)
  private func role(_ state: Int) -> Role {
    state == PointerPatternMatcher.dead ? .cosmetic : roles[state]
  }

  /// Whether some element of an array in `state` may be a container of progress fields (and
  /// be sorted out): when none is, every element is kept whole.
  private func sortsElements(_ state: Int) -> Bool {
    guard state != PointerPatternMatcher.dead else { return false }
    let current = matcher.states[state]
    return current.integer.map { role($0) == .container } ?? false
      || current.indexLiterals.contains { role($0.state) == .container }
  }

  /// The role of the member at `tokens`, matched against every pattern: the definition the
  /// compiled walk (``PointerPatternMatcher``) follows.
  func role(of tokens: [String]) -> Role {
    var role = Role.cosmetic
    for pattern in tokenPatterns where pattern.count >= tokens.count {
      let matches = zip(pattern, tokens).allSatisfy { expected, token in
        expected == token || (expected == "*" && Int(token) != nil)
      }
      guard matches else { continue }
      if pattern.count == tokens.count { return .progress }
      role = .container
    }
    return role
  }

  /// `document` without its cosmetic members: what the progress is read from.
  public func progressPart(of document: JSONValue) -> JSONValue {
    part(of: document, in: PointerPatternMatcher.root, keeping: .progress).value
  }

  /// The progress part of `document` when it differs from `document` (some member is
  /// cosmetic), nil when the document is all progress fields: what
  /// `progressPart(of: document) != document` tells, without comparing the trees.
  public func strictProgressPart(of document: JSONValue) -> JSONValue? {
    let part = part(of: document, in: PointerPatternMatcher.root, keeping: .progress)
    return part.changed ? part.value : nil
  }

  /// `document` without its progress fields: the cosmetic members, in the containers that
  /// hold them. Laying it over an answer is the same as laying `document` over it.
  public func cosmeticPart(of document: JSONValue) -> JSONValue {
    part(of: document, in: PointerPatternMatcher.root, keeping: .cosmetic).value
  }

  /// `StableHash.fnv1a(cosmeticPart(of: document))`, without building the part.
  public func cosmeticPartHash(of document: JSONValue) -> UInt64 {
    var hasher = TreeHasher()
    hashPart(of: document, in: PointerPatternMatcher.root, keeping: .cosmetic, into: &hasher)
    return hasher.value
  }

  /// The members whose role is `kept`, in the containers (kept as containers) that hold
  /// progress fields; a container that is not an object or array is kept whole. `changed`
  /// tells whether anything was left out; when nothing was, `value` is `value` itself (no
  /// container is copied).
  private func part(of value: JSONValue, in state: Int, keeping kept: Role)
    -> (value: JSONValue, changed: Bool)
  {
    switch value {
    case .object(let members):
      var result: [JSONMember]?
      for position in members.indices {
        let member = members[position]
        let next = matcher.step(state, key: member.key)
        let role = role(next)
        var replacement: JSONMember?
        var same = true
        if role == .container {
          let inner = part(of: member.value, in: next, keeping: kept)
          if inner.changed {
            replacement = JSONMember(member.key, inner.value)
            same = false
          }
        } else if role != kept {
          same = false
        }
        if same {
          result?.append(member)
          continue
        }
        if result == nil {
          result = Array(members[..<position])
          result?.reserveCapacity(members.count)
        }
        if let replacement { result?.append(replacement) }
      }
      guard let result else { return (value, false) }
      return (.object(result), true)
    case .array(let elements):
      guard sortsElements(state) else { return (value, false) }
      var result: [JSONValue]?
      for position in elements.indices {
        let next = matcher.step(state, index: position)
        guard role(next) == .container else {
          result?.append(elements[position])
          continue
        }
        let inner = part(of: elements[position], in: next, keeping: kept)
        if inner.changed, result == nil {
          result = Array(elements[..<position])
          result?.reserveCapacity(elements.count)
        }
        result?.append(inner.value)
      }
      guard let result else { return (value, false) }
      return (.array(result), true)
    default:
      return (value, false)
    }
  }

  /// Feeds `hasher` the walk of `part(of: value, in: state, keeping: kept).value`; returns
  /// whether that part leaves something out (its `changed`).
  @discardableResult
  private func hashPart(
    of value: JSONValue, in state: Int, keeping kept: Role, into hasher: inout TreeHasher
  ) -> Bool {
    var changed = false
    switch value {
    case .object(let members):
      hasher.mix(TreeHasher.objectStart)
      for member in members {
        let next = matcher.step(state, key: member.key)
        switch role(next) {
        case .container:
          hasher.mix(text: member.key)
          if hashPart(of: member.value, in: next, keeping: kept, into: &hasher) { changed = true }
        case let role where role == kept:
          hasher.mix(text: member.key)
          hasher.walk(member.value)
        default:
          changed = true
        }
      }
      hasher.mix(TreeHasher.objectEnd)
    case .array(let elements) where sortsElements(state):
      hasher.mix(TreeHasher.arrayStart)
      for position in elements.indices {
        let next = matcher.step(state, index: position)
        if role(next) == .container {
          if hashPart(of: elements[position], in: next, keeping: kept, into: &hasher) {
            changed = true
          }
        } else {
          hasher.walk(elements[position])
        }
      }
      hasher.mix(TreeHasher.arrayEnd)
    default:
      hasher.walk(value)
    }
    return changed
  }

  /// `StableHash.fnv1a(progressPart(of: document))`, and whether the part leaves something
  /// out (`strictProgressPart(of: document) != nil`), without building the part.
  public func progressPartHash(of document: JSONValue) -> (hash: UInt64, changed: Bool) {
    var hasher = TreeHasher()
    let changed = hashPart(
      of: document, in: PointerPatternMatcher.root, keeping: .progress, into: &hasher)
    return (hasher.value, changed)
  }

  /// Whether `progressPart(of: document) == part`, without building the progress part.
  public func progressPart(of document: JSONValue, equals part: JSONValue) -> Bool {
    partEquals(document, in: PointerPatternMatcher.root, keeping: .progress, part)
  }

  /// Whether `self.part(of: value, in: state, keeping: kept).value == expected`.
  private func partEquals(
    _ value: JSONValue, in state: Int, keeping kept: Role, _ expected: JSONValue
  ) -> Bool {
    switch (value, expected) {
    case (.object(let members), .object(let expectedMembers)):
      var position = 0
      for member in members {
        let next = matcher.step(state, key: member.key)
        let role = role(next)
        guard role == .container || role == kept else { continue }
        guard position < expectedMembers.count, expectedMembers[position].key == member.key
        else { return false }
        let expectedValue = expectedMembers[position].value
        position += 1
        if role == .container {
          guard partEquals(member.value, in: next, keeping: kept, expectedValue) else {
            return false
          }
        } else if member.value != expectedValue {
          return false
        }
      }
      return position == expectedMembers.count
    case (.array(let elements), .array(let expectedElements)) where sortsElements(state):
      guard elements.count == expectedElements.count else { return false }
      for position in elements.indices {
        let next = matcher.step(state, index: position)
        if role(next) == .container {
          guard partEquals(elements[position], in: next, keeping: kept, expectedElements[position])
          else { return false }
        } else if elements[position] != expectedElements[position] {
          return false
        }
      }
      return true
    default:
      return value == expected
    }
  }

  /// `answer` with the cosmetic members of `drift` in place of its own: the same answer as
  /// a service whose cosmetic fields changed type or value would send it. Where both hold an
  /// object (or array) that contains progress fields, the members are merged one level down.
  public func overlay(cosmeticPartOf drift: JSONValue, onto answer: JSONValue) -> JSONValue {
    overlay(drift, onto: answer, in: PointerPatternMatcher.root)
  }

  private func overlay(_ drift: JSONValue, onto answer: JSONValue, in state: Int) -> JSONValue {
    switch (drift, answer) {
    case (.object(let driftMembers), .object(var members)):
      members.removeAll { role(matcher.step(state, key: $0.key)) == .cosmetic }
      for member in driftMembers {
        let next = matcher.step(state, key: member.key)
        switch role(next) {
        case .progress:
          continue
        case .container:
          guard let index = members.firstIndex(where: { $0.key == member.key }) else { continue }
          members[index].value = overlay(member.value, onto: members[index].value, in: next)
        case .cosmetic:
          members.append(member)
        }
      }
      return .object(members)
    case (.array(let driftElements), .array(var elements)):
      for index in elements.indices where index < driftElements.count {
        let next = matcher.step(state, index: index)
        guard role(next) == .container else { continue }
        elements[index] = overlay(driftElements[index], onto: elements[index], in: next)
      }
      return .array(elements)
    default:
      return answer
    }
  }
}

extension ProgressFields {
  /// Equal when the patterns are.
  public static func == (left: ProgressFields, right: ProgressFields) -> Bool {
    left.patterns == right.patterns
  }

  /// Hashes the patterns.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(patterns)
  }
}
