/// What a command printed and how it ended; `main` writes it out and exits with ``status``.
public struct CommandOutcome: Hashable, Sendable {
  /// The exit status: 0 success, 1 the input was refused (or, for `poll`, the task did not
  /// succeed), 2 a usage error, 3 `poll`'s deadline passed.
  public var status: Int32
  /// Text for standard output.
  public var output: String
  /// Text for standard error.
  public var errorOutput: String

  /// A successful run that printed `output`.
  static func success(_ output: String) -> CommandOutcome {
    CommandOutcome(status: 0, output: output, errorOutput: "")
  }

  /// A run whose input was refused, with the reason (exit status 1).
  static func failure(_ message: String, output: String = "") -> CommandOutcome {
    CommandOutcome(status: 1, output: output, errorOutput: "error: \(message)\n")
  }

  /// A usage error: the reason, then the usage text (exit status 2).
  static func usageError(_ message: String, usage: String) -> CommandOutcome {
    CommandOutcome(status: 2, output: "", errorOutput: "error: \(message)\n\n\(usage)")
  }
}
