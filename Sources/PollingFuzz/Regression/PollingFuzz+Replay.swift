import Foundation
import Tape

/// Why a cassette cannot be replayed as a polling-fuzz finding.
public struct FindingCassetteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The cassette's name.
  public var source: String
  /// What is missing or unreadable.
  public var problem: String

  /// `cassettes/x.json is not a polling-fuzz finding: ...`.
  public var description: String { "\(source) is not a polling-fuzz finding: \(problem)" }
}

extension PollingFuzz {
  /// Judges `poller` against a finding's cassette (made by ``save(_:poller:to:)``),
  /// replayed by `player`: the same answers in the same order, the dropped connections and
  /// slow answers laid over again, on a fresh virtual clock, held to the same oracles
  /// against the truth the cassette kept. In a `.cassette` test:
  ///
  /// ```swift
  /// @Test(.cassette("polling-fuzz/check-retry-after-zero"))
  /// func retryAfterZero() async throws {
  ///   let verdict = try await PollingFuzz.replay(try #require(CassettePlayer.current)) {
  ///     context in try await myPoller(context)
  ///   }
  ///   #expect(verdict.passed, "\(verdict)")
  /// }
  /// ```
  public static func replay(
    _ player: CassettePlayer, expectations: Expectations = Expectations(),
    poller: @escaping Poller
  ) async throws(FindingCassetteError) -> Verdict {
    let metadata = player.cassette.metadata
    let decoder = JSONDecoder()
    guard let sessionText = metadata[MetadataKey.session],
      let session = try? decoder.decode(PollingSession.self, from: Data(sessionText.utf8))
    else {
      throw FindingCassetteError(
        source: player.source, problem: "no readable \(MetadataKey.session) in its metadata")
    }
    guard let pollsText = metadata[MetadataKey.polls],
      let polls = try? decoder.decode([PollRecord].self, from: Data(pollsText.utf8))
    else {
      throw FindingCassetteError(
        source: player.source, problem: "no readable \(MetadataKey.polls) in its metadata")
    }
    let clock = VirtualClock()
    let log = ExchangeLog(expectations: expectations)
    let transport = ReplayTransport(
      player: player.transport, polls: polls, api: session.cloudAPI, clock: clock,
      startDate: SessionDriver.startDate, log: log)
    let context = PollContext(
      session: session, transport: transport, clock: clock, startDate: SessionDriver.startDate,
      log: log)
    return await SessionDriver.judge(
      context, log: log, expectations: expectations, poller: poller)
  }

  /// The verdict a finding's cassette was saved with (its oracles' messages), if any.
  public static func savedVerdict(of cassette: Cassette) -> String? {
    cassette.metadata[MetadataKey.verdict]
  }
}
