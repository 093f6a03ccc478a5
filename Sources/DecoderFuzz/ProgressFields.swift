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

  /// Creates the set from pointer patterns.
  public init(_ patterns: [String]) {
    self.patterns = patterns
    self.tokenPatterns = patterns.map { JSONPointer($0)?.tokens ?? [] }
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
    part(of: document, at: [], keeping: .progress)
  }

  /// `document` without its progress fields: the cosmetic members, in the containers that
  /// hold them. Laying it over an answer is the same as laying `document` over it.
  public func cosmeticPart(of document: JSONValue) -> JSONValue {
    part(of: document, at: [], keeping: .cosmetic)
  }

  /// The members whose role is `kept`, in the containers (kept as containers) that hold
  /// progress fields; a container that is not an object or array is kept whole.
  private func part(of value: JSONValue, at tokens: [String], keeping kept: Role) -> JSONValue {
    switch value {
    case .object(let members):
      return .object(
        members.compactMap { member in
          let path = tokens + [member.key]
          switch role(of: path) {
          case .container:
            return JSONMember(member.key, part(of: member.value, at: path, keeping: kept))
          case let role: return role == kept ? member : nil
          }
        })
    case .array(let elements):
      return .array(
        elements.enumerated().map { index, element in
          let path = tokens + [String(index)]
          return role(of: path) == .container ? part(of: element, at: path, keeping: kept) : element
        })
    default:
      return value
    }
  }

  /// `answer` with the cosmetic members of `drift` in place of its own: the same answer as
  /// a service whose cosmetic fields changed type or value would send it. Where both hold an
  /// object (or array) that contains progress fields, the members are merged one level down.
  public func overlay(cosmeticPartOf drift: JSONValue, onto answer: JSONValue) -> JSONValue {
    overlay(drift, onto: answer, at: [])
  }

  private func overlay(_ drift: JSONValue, onto answer: JSONValue, at tokens: [String])
    -> JSONValue
  {
    switch (drift, answer) {
    case (.object(let driftMembers), .object(var members)):
      members.removeAll { role(of: tokens + [$0.key]) == .cosmetic }
      for member in driftMembers {
        let path = tokens + [member.key]
        switch role(of: path) {
        case .progress:
          continue
        case .container:
          guard let index = members.firstIndex(where: { $0.key == member.key }) else { continue }
          members[index].value = overlay(member.value, onto: members[index].value, at: path)
        case .cosmetic:
          members.append(member)
        }
      }
      return .object(members)
    case (.array(let driftElements), .array(var elements)):
      for index in elements.indices where index < driftElements.count {
        let path = tokens + [String(index)]
        guard role(of: path) == .container else { continue }
        elements[index] = overlay(driftElements[index], onto: elements[index], at: path)
      }
      return .array(elements)
    default:
      return answer
    }
  }
}
