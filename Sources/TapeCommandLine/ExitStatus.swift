import Foundation
import Tape

/// The exit statuses every `tape` command shares: one table, printed by `tape --help` and,
/// the rows a command uses with what each means for it, at the end of each `--help`.
public enum ExitStatus: Int32, CaseIterable, Sendable {
  /// The command did what it was asked, and the answer is good.
  case success = 0
  /// The command ran, and its answer is no: the task did not succeed, a secret was found,
  /// a request matched nothing, a fuzz finding is new, a write was refused.
  case negative = 1
  /// The command line is wrong: the message names the option or argument.
  case usage = 2
  /// A file or port the command needs cannot be used: missing, unreadable, too large or
  /// not valid (the message names the file and the place), not writable, or taken.
  case unusable = 3
  /// The deadline passed before the answer came.
  case deadline = 4
  /// Nothing ran: a fuzz target ran no inputs.
  case nothingRan = 5

  /// What the status means for every command, as `tape --help` prints it.
  var meaning: String {
    switch self {
    case .success: "success"
    case .negative:
      "the answer is no: the task did not succeed, a secret was found, a request matched "
        + "nothing, a fuzz finding is new, a write was refused"
    case .usage: "a usage error (the message names the option or argument)"
    case .unusable:
      "a file or port cannot be used: missing, unreadable, too large or not valid (the "
        + "message names the file and the place), not writable, or taken"
    case .deadline: "the deadline passed (poll, record)"
    case .nothingRan: "nothing ran (a fuzz target ran no inputs)"
    }
  }

  /// The signal row: what 129, 130 and 143 mean, and for which commands.
  static let signalMeaning =
    "poll, record and fuzz stopped by SIGHUP, Ctrl-C (SIGINT) or SIGTERM (128 + the "
    + "signal), after writing what they had; a second signal stops at once. serve, proxy, "
    + "simulate and poll-fuzz stop on these signals as their normal end, and exit 0 or 1"

  /// The whole table, as `tape --help` and the README print it.
  static var table: String {
    var rows = allCases.map { ($0.rawValue.description, $0.meaning) }
    rows.append(("129, 130, 143", signalMeaning))
    return render(rows, header: "exit status (the same numbers for every command):")
  }

  /// A command's own rows: each status it can end with, and what that means for it.
  static func help(_ rows: KeyValuePairs<ExitStatus, String>, signals: String? = nil) -> String {
    var lines = rows.map { ($0.key.rawValue.description, $0.value) }
    if let signals { lines.append(("129, 130, 143", signals)) }
    return render(
      lines, header: "exit status (the same numbers for every command; see tape --help):")
  }

  private static func render(_ rows: [(String, String)], header: String) -> String {
    var text = header + "\n"
    for (code, meaning) in rows {
      let wrapped = HelpText.wrap(meaning, width: 80 - 7)
      if code.count <= 4 {
        text += "  " + code.padding(toLength: 5, withPad: " ", startingAt: 0) + wrapped[0] + "\n"
        for line in wrapped.dropFirst() { text += "       " + line + "\n" }
      } else {
        text += "  \(code)\n"
        for line in wrapped { text += "       " + line + "\n" }
      }
    }
    return text
  }
}

extension ExitStatus {
  /// How a failed cassette write ends: a refused write (a secret survived redaction, or
  /// the session cannot be recorded) is the answer no; a file that cannot be written is
  /// unusable.
  static func of(_ error: Error) -> ExitStatus {
    guard let error = error as? RecordingError else { return .negative }
    if case .inputOutput = error.problem { return .unusable }
    return .negative
  }
}
