/// HTTP header fields as ordered `(name, value)` pairs: duplicates kept, names compared
/// case-insensitively.
///
/// ``canonicallySorted`` orders them by lower-cased name, keeping the original order among
/// equal names, which is how cassettes store them so that a re-record diffs cleanly.
public struct HeaderFields: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  /// One header field.
  public struct Field: Hashable, Sendable {
    /// The name, as it was sent.
    public var name: String
    /// The value.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The fields in order.
  public var fields: [Field]

  /// Creates header fields from ordered fields.
  public init(_ fields: [Field] = []) {
    self.fields = fields
  }

  /// Creates header fields from a dictionary literal, in literal order.
  public init(dictionaryLiteral elements: (String, String)...) {
    self.fields = elements.map { Field($0.0, $0.1) }
  }

  /// Creates header fields from a Foundation dictionary, sorted canonically.
  public init(_ dictionary: [String: String]) {
    self.init(dictionary.map { Field($0.key, $0.value) })
    self = canonicallySorted
  }

  /// The value of the first field named `name` (case-insensitive).
  public subscript(name: String) -> String? {
    let lowered = name.lowercased()
    return fields.first(where: { $0.name.lowercased() == lowered })?.value
  }

  /// Every value of the fields named `name` (case-insensitive), in order.
  public func values(for name: String) -> [String] {
    let lowered = name.lowercased()
    return fields.filter { $0.name.lowercased() == lowered }.map(\.value)
  }

  /// Replaces every field named `name` by one with `value`, or removes them when nil.
  public mutating func set(_ name: String, to value: String?) {
    let lowered = name.lowercased()
    let position = fields.firstIndex(where: { $0.name.lowercased() == lowered })
    fields.removeAll(where: { $0.name.lowercased() == lowered })
    guard let value else { return }
    fields.insert(Field(name, value), at: Swift.min(position ?? fields.count, fields.count))
  }

  /// Sorted by lower-cased name, stable among equal names.
  public var canonicallySorted: HeaderFields {
    HeaderFields(
      fields.enumerated().sorted {
        let (left, right) = ($0.element.name.lowercased(), $1.element.name.lowercased())
        return left == right ? $0.offset < $1.offset : left < right
      }.map(\.element))
  }

  /// A dictionary for Foundation, duplicate names joined with `, `.
  public var dictionary: [String: String] {
    var result: [String: String] = [:]
    for field in fields {
      if let existing = result.first(where: { $0.key.lowercased() == field.name.lowercased() }) {
        result[existing.key] = existing.value + ", " + field.value
      } else {
        result[field.name] = field.value
      }
    }
    return result
  }

  /// Iterates over the fields in order.
  public func makeIterator() -> IndexingIterator<[Field]> {
    fields.makeIterator()
  }
}
