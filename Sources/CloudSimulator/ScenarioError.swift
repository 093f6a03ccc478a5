import JSONTree

/// Why a scenario file was refused: where (a JSON pointer, and the line and column when the
/// file is not JSON at all) and what, in one sentence.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The place in the document.
  public var pointer: JSONPointer
  /// The line and column, when the file is not valid JSON.
  public var position: (line: Int, column: Int)? {
    line.map { ($0, column ?? 1) }
  }
  /// What is wrong.
  public var reason: String
  private var line: Int?
  private var column: Int?

  /// A refusal of the value at `pointer`.
  public init(at pointer: JSONPointer, _ reason: String) {
    self.pointer = pointer
    self.reason = reason
  }

  /// A refusal of text that is not JSON.
  init(_ error: JSONParseError) {
    self.pointer = error.pointer
    self.reason = "not valid JSON: \(error.reason)"
    self.line = error.line
    self.column = error.column
  }

  /// `line 3, column 7: not valid JSON: ...` or `at /tasks/0/polls: ...`.
  public var description: String {
    if let line, let column { return "line \(line), column \(column): \(reason)" }
    return "at \(pointer.displayText): \(reason)"
  }
}
