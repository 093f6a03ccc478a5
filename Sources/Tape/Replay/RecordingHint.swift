/// What reports tell a user to do about a request or a cassette that was never recorded.
///
/// The one place that says it: this version of Tape cannot record, so no message may name a
/// command that would not record. When the recorder lands, these become the command that
/// records (with the test's filter), and every report follows.
package enum RecordingHint {
  /// Where the way to make a cassette by hand is written down.
  private static let guide = "the cassette format in Tape's README, and cassettes/README.md"

  /// The last line of a report on a request no interaction answers.
  package static let missingInteraction =
    "To add it: Recording is not available yet in this version of Tape; add the interaction "
    + "to the cassette by hand (see \(guide))."

  /// What to do about a cassette that does not exist; `mode` is the `TAPE_RECORD` mode asked
  /// for, nil when replaying only.
  package static func missingCassette(mode: String?) -> String {
    let asked = mode.map { "TAPE_RECORD=\($0) asks to record it, but: " } ?? ""
    return asked
      + "Recording is not available yet in this version of Tape; write the cassette by hand "
      + "(see \(guide))."
  }

  /// The warning of a test run with `TAPE_RECORD` set to a recording `mode`.
  package static func recordingRequested(mode: String, replaying source: String) -> String {
    "TAPE_RECORD=\(mode): Recording is not available yet in this version of Tape; replaying "
      + source
  }
}
