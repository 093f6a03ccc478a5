import Tape

/// What the recording commands say about a session's journal (`<cassette>.journal`): where
/// it is, that it is kept when the cassette cannot be written, and how to finish.
enum JournalNotice {
  /// The line a recording prints when it starts journaling.
  static func started(_ cassette: String) -> String {
    "journal: \(cassette).journal (a recovery file: every exchange, redacted, as it comes; "
      + "deleted once the cassette is written; never commit it)\n"
  }

  /// What follows a refused (or failed) write: the session is kept, and how to finish it.
  /// `command` is how to run the recording again on the same cassette; `error`, when given,
  /// is why the write failed: only a refusal for secrets asks for redaction rules.
  static func kept(_ cassette: String, command: String, after error: (any Error)? = nil)
    -> String
  {
    if let error = error as? RecordingError, case .inputOutput = error.problem {
      return "the session is kept, redacted, in \(cassette).journal: run \(command) again on "
        + "\(cassette) once it can be written, and the cassette is rebuilt from the journal; "
        + "or delete the journal to drop the session\n"
    }
    return "the session is kept, redacted, in \(cassette).journal: add a rule for each place "
      + "named (--redact-json-key <key>, --redact-header <name>, --redact-query <key>) and run "
      + "\(command) again on \(cassette): the cassette is rebuilt from the journal with the new "
      + "rules; or delete the journal to drop the session\n"
  }

  /// What a second signal prints before the process ends at once.
  static func stoppedAtOnce(_ cassette: String, command: String) -> String {
    "the session is kept, redacted, in \(cassette).journal: run \(command) again on "
      + "\(cassette) to write it\n"
  }

  /// A line saying the journal stopped being written, when it did.
  static func failure(of recorder: CassetteRecorder) -> String {
    guard let failure = recorder.journal?.failure else { return "" }
    return "warning: the journal stopped being written (\(failure)): a process killed before "
      + "the cassette was written would have lost what came after\n"
  }
}
