/// A JSON document as written: numbers keep their exact lexeme, objects keep member order
/// and duplicate keys.
///
/// Foundation's decoders turn `9223372036854776000` into a rounded `Double` or refuse it;
/// `JSONValue` keeps the digits, so a value can be inspected, mutated and written back
/// unchanged.
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, as its exact lexeme (for example `"9223372036854776000"` or `"-1.50e3"`).
  case number(String)
  /// A string, unescaped.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, members in document order, duplicates kept.
  case object([JSONMember])

  /// The value of the last member named `key` (the one most parsers keep), or nil when this
  /// is not an object or has no such member.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last(where: { $0.key == key })?.value
  }

  /// The element at `index`, or nil when this is not an array or the index is out of bounds.
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }

  /// The string payload, when this is a string.
  public var stringValue: String? {
    if case .string(let text) = self { text } else { nil }
  }

  /// The lexeme, when this is a number.
  public var numberLexeme: String? {
    if case .number(let lexeme) = self { lexeme } else { nil }
  }

  /// The members, when this is an object.
  public var members: [JSONMember]? {
    if case .object(let members) = self { members } else { nil }
  }

  /// A short name of this value's JSON type, for messages: `"object"`, `"number"`, ...
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Hashable, Sendable {
  /// The member name, unescaped.
  public var key: String
  /// The member value.
  public var value: JSONValue

  /// Creates a member.
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
