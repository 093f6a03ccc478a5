import JSONTree

extension JSONValue {
  /// How many arrays and objects enclose the deepest value (a scalar is 0, `[]` is 1).
  public var nestingDepth: Int {
    var deepest = 0
    var pending: [(JSONValue, Int)] = [(self, 0)]
    while let (value, depth) = pending.popLast() {
      switch value {
      case .array(let elements):
        deepest = max(deepest, depth + 1)
        pending += elements.map { ($0, depth + 1) }
      case .object(let members):
        deepest = max(deepest, depth + 1)
        pending += members.map { ($0.value, depth + 1) }
      default:
        break
      }
    }
    return deepest
  }

  /// The value at `pointer` (the last member of a repeated name), or nil.
  public func value(at pointer: JSONPointer) -> JSONValue? {
    var current = self
    for token in pointer.tokens {
      switch current {
      case .object:
        guard let next = current[token] else { return nil }
        current = next
      case .array:
        guard let index = Int(token), let next = current[index] else { return nil }
        current = next
      default: return nil
      }
    }
    return current
  }

  /// Changes the value at `pointer` in place; false when there is no such value.
  @discardableResult
  public mutating func update(at pointer: JSONPointer, _ change: (inout JSONValue) -> Void) -> Bool
  {
    update(at: pointer.tokens[...], change)
  }

  private mutating func update(at tokens: ArraySlice<String>, _ change: (inout JSONValue) -> Void)
    -> Bool
  {
    guard let token = tokens.first else {
      change(&self)
      return true
    }
    switch self {
    case .object(var members):
      guard let index = members.lastIndex(where: { $0.key == token }) else { return false }
      self = .null
      let found = members[index].value.update(at: tokens.dropFirst(), change)
      self = .object(members)
      return found
    case .array(var elements):
      guard let index = Int(token), elements.indices.contains(index) else { return false }
      self = .null
      let found = elements[index].update(at: tokens.dropFirst(), change)
      self = .array(elements)
      return found
    default:
      return false
    }
  }

  /// Every value in the document with its pointer, parents before children, at most
  /// `limit` of them.
  public func pointers(limit: Int = 512) -> [(pointer: JSONPointer, value: JSONValue)] {
    var found: [(pointer: JSONPointer, value: JSONValue)] = []
    var pending: [(JSONPointer, JSONValue)] = [(.root, self)]
    while let (pointer, value) = pending.popLast(), found.count < limit {
      found.append((pointer, value))
      switch value {
      case .object(let members):
        pending += members.reversed().map { (pointer.appending($0.key), $0.value) }
      case .array(let elements):
        pending += elements.indices.reversed().map { (pointer.appending($0), elements[$0]) }
      default:
        break
      }
    }
    return found
  }
}
