import CloudProgress
import Foundation
import PlantedPollerBugs
import PollingFuzz
import Tape
import TapeTesting
import Testing

/// The polling fuzzer's findings on `ProgressClient.poll`, kept as cassettes
/// (`cassettes/polling-fuzz/`, written by `swift run polling-fuzz-bench save-findings
/// cassettes/polling-fuzz`) and replayed as ordinary `.cassette` tests: the fixed poller
/// passes each, the old behaviour fails it with the verdict the cassette was saved with.
@Suite("Polling fuzz: findings replayed from cassettes")
struct FindingCassetteTests {
  @Test(.cassette("polling-fuzz/check-poll-without-floor", unusedInteractions: .fail))
  func pollWithoutFloorIsFixed() async throws {
    let player = try #require(CassettePlayer.current)
    let verdict = try await PollingFuzz.replay(player, poller: correctPoller)
    #expect(verdict.passed, "\(verdict)")
    #expect(PollingFuzz.savedVerdict(of: player.cassette)?.hasPrefix("tooFast") == true)
  }

  @Test(.cassette("polling-fuzz/check-poll-without-floor", unusedInteractions: .fail))
  func pollWithoutFloorStillFailsTheOldPoller() async throws {
    let player = try #require(CassettePlayer.current)
    let verdict = try await PollingFuzz.replay(
      player, poller: PlantedPollerBug.pollsWithoutFloor.poller)
    #expect(verdict.violations.map(\.oracle) == [.tooFast], "\(verdict)")
    #expect(
      PollingFuzz.savedVerdict(of: player.cassette)
        == verdict.violations.map(\.description).joined(separator: "\n"))
  }

  @Test(.cassette("polling-fuzz/check-retry-after-zero", unusedInteractions: .fail))
  func retryAfterZeroIsFixed() async throws {
    let player = try #require(CassettePlayer.current)
    let verdict = try await PollingFuzz.replay(player, poller: correctPoller)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.exchanges.count { $0.status == 429 } == 3)
  }

  @Test(.cassette("polling-fuzz/check-retry-after-zero", unusedInteractions: .fail))
  func retryAfterZeroStillFailsTheOldPoller() async throws {
    let player = try #require(CassettePlayer.current)
    let verdict = try await PollingFuzz.replay(player, poller: noThrottleFloorPoller)
    #expect(verdict.violations.map(\.oracle) == [.noBackoff], "\(verdict)")
    #expect(
      PollingFuzz.savedVerdict(of: player.cassette)
        == verdict.violations.map(\.description).joined(separator: "\n"))
  }

  @Test(.cassette("polling-fuzz/check-retry-after-zero"))
  func retryAfterZeroFailsAPollerThatRetriesAtOnce() async throws {
    let player = try #require(CassettePlayer.current)
    let verdict = try await PollingFuzz.replay(
      player, poller: PlantedPollerBug.retriesFailuresAtOnce.poller)
    #expect(verdict.violations.map(\.oracle).contains(.noBackoff), "\(verdict)")
  }

  @Test("a saved finding replays to the verdict it was saved with")
  func saveAndReplay() async throws {
    let bug = PlantedPollerBug.stopsOnUnknown
    let report = await PollingFuzz.run(bug.api, sessions: 400, seed: 1, poller: bug.poller)
    let finding = try #require(report.findings.first)
    let file = FileManager.default.temporaryDirectory
      .appending(path: "polling-fuzz-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    let saved = try await PollingFuzz.save(finding, poller: bug.poller, to: file)
    #expect(saved.violations == finding.minimized.violations)
    let player = try CassettePlayer(contentsOf: file)
    let replayed = try await PollingFuzz.replay(player, poller: bug.poller)
    #expect(replayed.violations.map(\.oracle) == saved.violations.map(\.oracle))
    #expect(replayed.conclusion == saved.conclusion)
    let fixed = try await PollingFuzz.replay(
      try CassettePlayer(contentsOf: file), poller: correctPoller)
    #expect(fixed.passed, "\(fixed)")
  }

  @Test("a cassette that is not a finding is refused by name")
  func notAFinding() async throws {
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "cassettes/plain.json",
      configuration: ReplayConfiguration(), recording: nil)
    await #expect(throws: FindingCassetteError.self) {
      _ = try await PollingFuzz.replay(player, poller: correctPoller)
    }
  }
}
