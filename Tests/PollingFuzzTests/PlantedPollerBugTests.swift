import PlantedPollerBugs
import PollingFuzz
import Testing

/// Each oracle is proven by a poller with one bug planted: the fuzzer must find it, name
/// that oracle, and shrink the session that shows it; the correct poller passes that
/// session (the oracle blames the bug, not the session).
@Suite("Polling fuzz: every oracle finds its planted bug")
struct PlantedPollerBugTests {
  @Test(arguments: PlantedPollerBug.allCases)
  func findsThePlantedBug(_ bug: PlantedPollerBug) async throws {
    let report = await PollingFuzz.run(bug.api, sessions: 400, seed: 1, poller: bug.poller)
    let finding = try #require(report.findings.first, "\(bug) not found: \(report)")
    #expect(
      finding.minimized.violations.contains { $0.oracle == bug.oracle },
      "\(bug) found as \(finding)")
    #expect(finding.minimized.session.weight <= finding.original.session.weight)
    #expect(finding.minimized.polls <= max(finding.original.polls, 3))
    let correct = await PollingFuzz.run(finding.minimized.session, poller: correctPoller)
    #expect(correct.passed, "\(bug): \(correct)")
  }
}
