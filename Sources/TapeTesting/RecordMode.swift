/// Whether a test replays its cassette or records it, from the `TAPE_RECORD` environment
/// variable: `none` (the default), `once`, `newEpisodes` or `all`. When `CI` is set the mode
/// is always `none`: CI never records.
///
/// This version of Tape does not record yet: every mode replays, and the recording modes
/// say so with a warning. The modes are here so that tests and CI settings written today
/// keep their meaning when the recorder lands.
public enum RecordMode: String, Hashable, Sendable, CaseIterable {
  /// Replay only; a missing cassette or an unmatched request fails the test.
  case none
  /// Record when the cassette does not exist yet, replay otherwise.
  case once
  /// Replay what is recorded, record new requests.
  case newEpisodes
  /// Record everything again.
  case all

  /// The mode and, when the environment asked for something else, why it is not used.
  public static func resolve(environment: [String: String]) -> (mode: RecordMode, note: String?) {
    guard let requested = environment["TAPE_RECORD"], !requested.isEmpty else {
      return (.none, nil)
    }
    guard let mode = RecordMode(rawValue: requested) else {
      let known = allCases.map(\.rawValue).joined(separator: ", ")
      return (.none, "TAPE_RECORD=\(requested) is not one of \(known); replaying only")
    }
    if mode != .none, let ci = environment["CI"], !ci.isEmpty, ci != "false", ci != "0" {
      return (.none, "TAPE_RECORD=\(requested) is ignored because CI is set: CI never records")
    }
    return (mode, nil)
  }
}
