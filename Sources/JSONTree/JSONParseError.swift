/// Why and where a document is not valid JSON.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, for example `expected ',' or '}' after an object member`.
  public var reason: String
  /// Byte offset of the problem from the start of the document (0-based).
  public var offset: Int
  /// Line of the problem (1-based).
  public var line: Int
  /// Column of the problem in bytes (1-based).
  public var column: Int
  /// The value being parsed when the problem was found.
  public var pointer: JSONPointer

  /// Creates a parse error.
  public init(reason: String, offset: Int, line: Int, column: Int, pointer: JSONPointer) {
    self.reason = reason
    self.offset = offset
    self.line = line
    self.column = column
    self.pointer = pointer
  }

  /// `line 3, column 7 (byte 41) at /json/details/0: expected ...`.
  public var description: String {
    "line \(line), column \(column) (byte \(offset)) at \(pointer.displayText): \(reason)"
  }
}
