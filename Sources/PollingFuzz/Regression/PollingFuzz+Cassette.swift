import Foundation
import JSONTree
import Tape

extension PollingFuzz {
  /// Metadata keys of a finding's cassette.
  enum MetadataKey {
    static let session = "pollingFuzz.session"
    static let polls = "pollingFuzz.polls"
    static let verdict = "pollingFuzz.verdict"
    static let conclusion = "pollingFuzz.conclusion"
  }

  /// Runs `finding`'s minimized session again against `poller`, recording every answered
  /// exchange through Tape's recorder (redacted, scanned, written atomically), and saves it
  /// as a cassette at `url` whose metadata holds the session, the truth at each poll, the
  /// faults a cassette cannot hold and the verdict. ``replay(_:expectations:poller:)``
  /// judges a poller against it again; an ordinary `.cassette` test does that.
  @discardableResult
  public static func save(_ finding: Finding, poller: @escaping Poller, to url: URL) async throws
    -> Verdict
  {
    try await save(
      finding.minimized.session, expectations: finding.expectations, poller: poller, to: url)
  }

  /// Runs `session` against `poller`, recording it as a cassette at `url`; see
  /// ``save(_:poller:to:)``.
  @discardableResult
  public static func save(
    _ session: PollingSession, expectations: Expectations = Expectations(),
    poller: @escaping Poller, to url: URL
  ) async throws -> Verdict {
    let clock = VirtualClock()
    let recorder = CassetteRecorder(
      redactor: .huaweiCloud, liveSecrets: ["fuzz-password"], environment: [:],
      elapsed: { clock.elapsed })
    let verdict = await SessionDriver.run(
      session, expectations: expectations, recorder: recorder, clock: clock, poller: poller)
    let polls = verdict.exchanges.filter { $0.kind == .poll }.map(PollRecord.init)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try recorder.write(
      to: url, named: url.lastPathComponent,
      metadata: [
        "origin": "polling fuzz finding",
        MetadataKey.session: String(decoding: try encoder.encode(session), as: UTF8.self),
        MetadataKey.polls: String(decoding: try encoder.encode(polls), as: UTF8.self),
        MetadataKey.verdict: verdict.violations.map(\.description).joined(separator: "\n"),
        MetadataKey.conclusion: verdict.conclusion?.description ?? "none (hang)",
      ])
    return verdict
  }
}
