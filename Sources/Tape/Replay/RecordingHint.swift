/// What reports tell a user to do about a request or a cassette that was never recorded:
/// the one place that says it, a command that records.
package enum RecordingHint {
  /// `swift test --filter X`, or `swift test --filter <the test>` when the test is unknown.
  private static func command(_ mode: String, filter: String?) -> String {
    "TAPE_RECORD=\(mode) swift test --filter \(filter ?? "<the test>")"
  }

  /// The last line of a report on a request no interaction answers.
  package static func missingInteraction(filter: String?) -> String {
    "To record it: run `\(command("newEpisodes", filter: filter))` where the service is "
      + "reachable (CI never records): new requests are appended to the cassette, the rest "
      + "replays."
  }

  /// The generic form of ``missingInteraction(filter:)``, which the trait replaces with the
  /// test's own command.
  package static let missingInteraction = missingInteraction(filter: nil)

  /// ``missingInteraction`` for a client that reaches the cassette over HTTP (`tape serve`,
  /// `tape proxy` replaying), in any language: record through `tape proxy`.
  package static func missingInteractionOverHTTP(cassette: String) -> String {
    "To record it: run `tape proxy --upstream <the service's base URL> --cassette "
      + "\(cassette) --record newEpisodes` where the service is reachable and send the request "
      + "through it: new requests are appended to the cassette, the rest replays."
  }

  /// What to do about a cassette that does not exist.
  package static func missingCassette(filter: String?) -> String {
    "To record it: run `\(command("once", filter: filter))` where the service is reachable "
      + "(CI never records)."
  }
}
