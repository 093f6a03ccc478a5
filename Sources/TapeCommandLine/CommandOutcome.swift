/// What a command printed and how it ended; `main` writes it out and exits with ``status``.
public struct CommandOutcome: Hashable, Sendable {
  /// The exit status, one of ``ExitStatus`` or 128 + a signal.
  public var status: Int32
  /// Text for standard output: the data the command was asked for.
  public var output: String
  /// Text for standard error: reports, summaries, notes and errors.
  public var errorOutput: String

  /// A run that ended with `status`, printing `output` and `errorOutput`.
  init(_ status: ExitStatus, output: String = "", errorOutput: String = "") {
    self.init(status: status.rawValue, output: output, errorOutput: errorOutput)
  }

  /// The memberwise initializer.
  public init(status: Int32, output: String, errorOutput: String) {
    self.status = status
    self.output = output
    self.errorOutput = errorOutput
  }

  /// A successful run that printed `output`.
  static func success(_ output: String) -> CommandOutcome {
    CommandOutcome(.success, output: output)
  }

  /// A run whose answer is no, with the reason (exit status 1).
  static func failure(_ message: String, output: String = "") -> CommandOutcome {
    CommandOutcome(.negative, output: output, errorOutput: "error: \(message)\n")
  }

  /// A file or port the command needs cannot be used, with the reason (exit status 3).
  static func unusable(_ message: String) -> CommandOutcome {
    CommandOutcome(.unusable, errorOutput: "error: \(message)\n")
  }

  /// A usage error: the reason, then the usage text (exit status 2).
  static func usageError(_ message: String, usage: String) -> CommandOutcome {
    CommandOutcome(.usage, errorOutput: "error: \(message)\n\n\(usage)")
  }
}
