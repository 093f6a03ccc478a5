import CloudProgress
import Foundation

/// Fuzzes a poller, not only the decoder: generated polling sessions (a ground truth, with
/// wire faults and body twists laid over it) drive the poller on virtual time, and oracles
/// hold what it concluded and how it polled against the truth.
///
/// ```swift
/// @Test func checkPollerHolds() async {
///   let report = await PollingFuzz.run(.check, sessions: 200, seed: 1) { context in
///     var last: TaskProgress?
///     for try await progress in context.client.poll(
///       context.task, random: SeededGenerator(seed: context.seed))
///     {
///       context.report(progress)
///       last = progress
///     }
///     return .finished(last?.phase ?? .unknown)
///   }
///   #expect(report.findings.isEmpty, "\(report)")
/// }
/// ```
public enum PollingFuzz {
  /// Runs `sessions` sessions of `api` from `seed` against `poller`, several at a time,
  /// each on its own virtual clock; a failing session is shrunk to the fewest polls and
  /// faults that still fail the same oracle.
  ///
  /// - Parameters:
  ///   - stopAtFirstFinding: stop starting sessions once one fails (a fuzzer's habit); the
  ///     report then holds that one finding.
  ///   - minimizes: shrink each finding.
  ///   - parallelism: sessions in flight at once; the active processor count by default.
  public static func run(
    _ api: CloudAPI, sessions: Int = 100, seed: UInt64 = 0,
    expectations: Expectations = Expectations(), stopAtFirstFinding: Bool = true,
    minimizes: Bool = true, parallelism: Int? = nil, poller: @escaping Poller
  ) async -> FuzzReport {
    let generator = SessionGenerator(api: api, seed: seed)
    let started = ContinuousClock.now
    let width = max(1, parallelism ?? ProcessInfo.processInfo.activeProcessorCount)
    var failing: [Verdict] = []
    var ran = 0
    var polls = 0
    var virtualTime = Duration.zero
    await withTaskGroup(of: Verdict.self) { group in
      var next = 0
      func startOne() {
        let session = generator.session(next)
        next += 1
        group.addTask {
          await SessionDriver.run(session, expectations: expectations, poller: poller)
        }
      }
      while next < min(width, sessions) { startOne() }
      while let verdict = await group.next() {
        ran += 1
        polls += verdict.polls
        virtualTime += verdict.concludedAt ?? verdict.exchanges.last?.answeredAt ?? .zero
        if !verdict.passed { failing.append(verdict) }
        if next < sessions, !(stopAtFirstFinding && !failing.isEmpty) { startOne() }
      }
    }
    failing.sort { $0.session.index < $1.session.index }
    if stopAtFirstFinding { failing = Array(failing.prefix(1)) }
    var findings: [Finding] = []
    for verdict in failing {
      let minimal =
        minimizes
        ? await SessionMinimizer.minimize(verdict, expectations: expectations, poller: poller)
        : verdict
      findings.append(Finding(original: verdict, minimized: minimal, expectations: expectations))
    }
    return FuzzReport(
      api: api, seed: seed, sessions: ran, polls: polls, virtualTime: virtualTime,
      elapsed: ContinuousClock.now - started, findings: findings)
  }

  /// Runs one session against `poller` and judges it.
  public static func run(
    _ session: PollingSession, expectations: Expectations = Expectations(),
    poller: @escaping Poller
  ) async -> Verdict {
    await SessionDriver.run(session, expectations: expectations, poller: poller)
  }
}
