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
    // Fields already in order (as a recorded exchange's are, each time it is asked again)
    // stay as they are: a stable sort would keep them so.
    if isInASCIIOrder { return self }
    return HeaderFields(
      fields.enumerated().sorted {
        let (left, right) = ($0.element.name.lowercased(), $1.element.name.lowercased())
        return left == right ? $0.offset < $1.offset : left < right
      }.map(\.element))
  }

  /// Whether the names are all ASCII and each is, lower-cased, at most the next one: told
  /// byte by byte, without lower-cased copies (for ASCII names, byte order is `String`'s).
  private var isInASCIIOrder: Bool {
    for index in fields.indices.dropFirst() {
      var left = fields[index - 1].name
      var right = fields[index].name
      let inOrder = left.withUTF8 { left in
        right.withUTF8 { right in
          for (a, b) in zip(left, right) {
            guard a < 0x80, b < 0x80 else { return false }
            let (lowerA, lowerB) = (Self.lowered(a), Self.lowered(b))
            if lowerA != lowerB { return lowerA < lowerB }
          }
          let rest = left.count > right.count ? left[right.count...] : right[left.count...]
          return left.count <= right.count && rest.allSatisfy { $0 < 0x80 }
        }
      }
      guard inOrder else { return false }
    }
    return true
  }

  /// `byte` with an ASCII upper-case letter made lower-case.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
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
