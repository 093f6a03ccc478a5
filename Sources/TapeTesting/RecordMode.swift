/// Whether a test replays its cassette or records it, from the `TAPE_RECORD` environment
/// variable: `none` (the default), `once`, `newEpisodes` or `all`. When `CI` is set the mode
/// is always `none`: CI never records.
///
/// A test can also set its own mode (`.cassette("name", record: .once)`); `TAPE_RECORD`,
/// when set, wins over it, and `CI` over both.
public enum RecordMode: String, Hashable, Sendable, CaseIterable {
  /// Replay only; a missing cassette or an unmatched request fails the test.
  case none
  /// Record when the cassette does not exist yet, replay otherwise.
  case once
  /// Replay what is recorded, record new requests.
  case newEpisodes
  /// Record everything again.
  case all

  /// The mode and, when the environment or the test asked for something else, why it is
  /// not used.
  public static func resolve(environment: [String: String], perTest: RecordMode = .none)
    -> (mode: RecordMode, note: String?)
  {
    let ci = environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false
    guard let requested = environment["TAPE_RECORD"], !requested.isEmpty else {
      if perTest != .none && ci {
        return (
          .none, "record: .\(perTest.rawValue) is ignored because CI is set: CI never records"
        )
      }
      return (perTest, nil)
    }
    guard let mode = RecordMode(rawValue: requested) else {
      let known = allCases.map(\.rawValue).joined(separator: ", ")
      return (.none, "TAPE_RECORD=\(requested) is not one of \(known); replaying only")
    }
    if mode != .none, ci {
      return (.none, "TAPE_RECORD=\(requested) is ignored because CI is set: CI never records")
    }
    return (mode, nil)
  }
}
