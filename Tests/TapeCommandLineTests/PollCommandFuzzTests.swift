import CloudProgress
import PollingFuzz
import Testing

@testable import TapeCommandLine

/// `tape poll`'s own path (its options, its polling loop, its exit status and summary) under
/// the polling fuzzer: what it reports must agree with the task's ground truth.
@Suite("tape poll under the polling fuzzer")
struct PollCommandFuzzTests {
  /// What `tape poll` concluded, read from its exit status and summary line.
  static func conclusion(of outcome: CommandOutcome) -> Conclusion {
    switch outcome.status {
    case 0: return .succeeded
    case 3: return .gaveUp("deadline: \(outcome.errorOutput)")
    default:
      guard let range = outcome.output.range(of: "ended: ") else {
        return .gaveUp(outcome.errorOutput)
      }
      let phase = outcome.output[range.upperBound...].prefix { $0 != " " }
      return .finished(TaskProgress.Phase(rawValue: String(phase)) ?? .unknown)
    }
  }

  @Test(arguments: CloudAPI.allCases)
  func holdsEveryOracle(_ api: CloudAPI) async throws {
    let options = try PollCommand.parse([api.rawValue, "fuzz-id", "--deadline", "900"])
    let report = await PollingFuzz.run(
      api, sessions: 100, seed: 4, stopAtFirstFinding: false, minimizes: false
    ) { context in
      let outcome = await PollCommand.poll(
        context.client, context.task, options.policy, seed: context.seed, live: nil,
        print: { _ in })
      return Self.conclusion(of: outcome)
    }
    #expect(report.findings.isEmpty, "\(report)")
    #expect(report.sessions == 100)
  }

  @Test("a poll that ends partially succeeded says so, with exit status 1")
  func partialSuccess() async throws {
    let options = try PollCommand.parse(["cpts", "--deadline", "900"])
    let session = PollingSession(
      api: .cpts, truth: GroundTruth(runningMilliseconds: 12_000, outcome: .partiallySucceeded))
    let verdict = await PollingFuzz.run(session) { context in
      let outcome = await PollCommand.poll(
        context.client, context.task, options.policy, seed: 1, live: nil, print: { _ in })
      #expect(outcome.status == 1)
      return Self.conclusion(of: outcome)
    }
    #expect(verdict.conclusion == .finished(.partiallySucceeded), "\(verdict)")
    #expect(verdict.passed, "\(verdict)")
  }
}
