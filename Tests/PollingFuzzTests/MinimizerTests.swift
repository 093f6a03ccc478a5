import PlantedPollerBugs
import PollingFuzz
import Testing

/// A failing session shrinks to the fewest polls and faults that still fail the same
/// oracle, the same way every run.
@Suite("Polling fuzz: minimizing a finding")
struct MinimizerTests {
  @Test("stopping on unknown shrinks to the one unknown answer that shows it")
  func unknownShrinksToOneTwist() async throws {
    let report = await PollingFuzz.run(
      .insight, sessions: 400, seed: 1, poller: PlantedPollerBug.stopsOnUnknown.poller)
    let finding = try #require(report.findings.first)
    let minimal = finding.minimized
    #expect(minimal.session.faults.isEmpty, "\(minimal)")
    #expect(minimal.session.twists.count == 1, "\(minimal)")
    #expect(minimal.session.twists.first?.count == 1, "\(minimal)")
    #expect(minimal.violations.first?.oracle == .stoppedOnUnknown)
    // The unknown answer moved to the first poll: one poll shows the bug.
    #expect(minimal.polls == 1, "\(minimal)")
  }

  @Test("the same run shrinks to the same session")
  func deterministic() async throws {
    let bug = PlantedPollerBug.ignoresRetryAfter
    let first = await PollingFuzz.run(bug.api, sessions: 400, seed: 3, poller: bug.poller)
    let second = await PollingFuzz.run(bug.api, sessions: 400, seed: 3, poller: bug.poller)
    let one = try #require(first.findings.first)
    #expect(one.minimized.session == second.findings.first?.minimized.session)
    #expect(one.minimized.session.faults.count == 1, "\(one)")
    #expect(one.minimized.polls < one.original.polls || one.original.polls <= 3, "\(one)")
  }
}
