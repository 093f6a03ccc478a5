/// Header fields in the order they were received or set, with case-insensitive lookup.
///
/// Names keep their spelling (`X-Request-Id` stays `X-Request-Id`); lookups compare names
/// ignoring ASCII case. A name may appear several times: ``values(for:)`` returns each value
/// in order, the subscript the first.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral,
  CustomStringConvertible
{
  /// The fields as ordered `(name, value)` pairs.
  public private(set) var fields: [(name: String, value: String)]

  /// Creates headers from ordered pairs; repeated names are kept.
  public init(_ fields: [(name: String, value: String)] = []) {
    self.fields = fields
  }

  /// Creates headers from a literal such as `["Content-Type": "application/json"]`.
  public init(dictionaryLiteral elements: (String, String)...) {
    self.fields = elements.map { (name: $0.0, value: $0.1) }
  }

  /// The number of fields, repeated names counted each time.
  public var count: Int { fields.count }

  /// Whether there are no fields.
  public var isEmpty: Bool { fields.isEmpty }

  /// The first value of the field named `name` (any case); setting replaces every field of
  /// that name with one field at the position of the first, or removes them when nil.
  public subscript(name: String) -> String? {
    get { fields.first { Self.name($0.name, matches: name) }?.value }
    set {
      guard let value = newValue else {
        remove(name: name)
        return
      }
      replace(name: name, value: value)
    }
  }

  /// Every value of the field named `name` (any case), in order.
  public func values(for name: String) -> [String] {
    fields.filter { Self.name($0.name, matches: name) }.map(\.value)
  }

  /// Whether a field named `name` (any case) is present.
  public func contains(_ name: String) -> Bool {
    fields.contains { Self.name($0.name, matches: name) }
  }

  /// Appends a field, keeping any others of the same name.
  public mutating func add(name: String, value: String) {
    fields.append((name: name, value: value))
  }

  /// Replaces every field named `name` with one field, at the position of the first one (or
  /// at the end when there was none).
  public mutating func replace(name: String, value: String) {
    guard let first = fields.firstIndex(where: { Self.name($0.name, matches: name) }) else {
      add(name: name, value: value)
      return
    }
    fields[first] = (name: name, value: value)
    var index = fields.index(after: first)
    while index < fields.endIndex {
      if Self.name(fields[index].name, matches: name) {
        fields.remove(at: index)
      } else {
        index += 1
      }
    }
  }

  /// Removes every field named `name` (any case).
  public mutating func remove(name: String) {
    fields.removeAll { Self.name($0.name, matches: name) }
  }

  /// Iterates over the fields in order.
  public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
    fields.makeIterator()
  }

  /// Two header lists are equal when they hold the same fields, spelled the same, in the
  /// same order.
  public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
    lhs.fields.count == rhs.fields.count
      && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }

  /// One `Name: value` line per field.
  public var description: String {
    fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
  }

  /// Whether two field names are equal ignoring ASCII case.
  static func name(_ name: String, matches other: String) -> Bool {
    guard name.utf8.count == other.utf8.count else { return false }
    var left = name.utf8.makeIterator()
    var right = other.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return true
      case (let lhs?, let rhs?):
        if HTTPGrammar.lowercased(lhs) != HTTPGrammar.lowercased(rhs) { return false }
      default: return false
      }
    }
  }
}
