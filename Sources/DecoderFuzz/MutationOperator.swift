/// One kind of change the mutator makes; the raw value is what a finding file records.
public enum MutationOperator: String, CaseIterable, Hashable, Sendable, Codable {
  /// A number field becomes an extreme `Long` or integer boundary (`9223372036854775808`,
  /// `1e309`, `-0`, ...).
  case extremeNumber
  /// A value becomes `null` (a null ratio, a null status, a null object).
  case setNull
  /// An enumerated field gets a value outside its documented set.
  case unknownEnumValue
  /// An enumerated field gets a documented value in another case or type (`"success"`,
  /// `"1"`).
  case enumCaseVariant
  /// An enumerated field gets one of its documented values.
  case documentedEnumValue
  /// A value is replaced by one of another JSON type.
  case wrongType
  /// A number becomes a string that looks like a number (`"50%"`, `"1,000"`, `"NaN"`).
  case numberAsString
  /// An object member is removed.
  case removeMember
  /// An unknown member is added to an object.
  case addUnknownMember
  /// A member is written twice with different values.
  case duplicateKey
  /// An array element is repeated.
  case duplicateElement
  /// A string becomes empty.
  case emptyString
  /// A string becomes very long.
  case hugeString
  /// A string becomes naughty Unicode (NUL, RTL override, ZWJ, BOM, combining marks...).
  case naughtyString
  /// A value is wrapped in arrays so that the document nests 511, 512 or 513 levels deep.
  case deepNesting
  /// A comma is written after the last element or member of a container.
  case trailingComma
  /// Bytes that are not UTF-8 are written inside a string.
  case invalidUTF8
  /// An unpaired UTF-16 surrogate escape (`\uD800`) is written inside a string.
  case loneSurrogate
  /// The document is cut short after a number of bytes.
  case truncate
  /// Random byte flips, insertions, deletions and overwrites, for the parser.
  case havoc
}

/// One recorded mutation: where, what and with which argument, so that a finding explains
/// itself.
public struct Mutation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The JSON pointer of the value changed (the root for byte-level mutations).
  public var pointer: String
  /// The operator applied.
  public var `operator`: MutationOperator
  /// The operator's argument as text: the new value, the key, the byte count, ...
  public var argument: String

  /// Creates a record.
  public init(pointer: String, operator: MutationOperator, argument: String) {
    self.pointer = pointer
    self.operator = `operator`
    self.argument = argument
  }

  /// `/status extremeNumber 9223372036854775808`.
  public var description: String {
    "\(pointer.isEmpty ? "(root)" : pointer) \(self.operator.rawValue) \(argument)"
  }
}
