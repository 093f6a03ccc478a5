import DecoderFuzz
import Foundation
import Testing

@Suite("Fuzz smoke test")
struct FuzzSmokeTests {
  static let runsPerTarget = 200

  func campaign(seed: UInt64) async -> [TargetReport] {
    await offThePool {
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: FuzzTargetRegistry.standard, seed: seed, budget: .runs(Self.runsPerTarget),
          jobs: 2, corpusDirectory: corpusDirectory, findingsDirectory: nil
        ) { target in InProcessExecutor(target: target, budgetMilliseconds: 2_000) })
    }
  }

  @Test("a fixed seed and run count: every target runs, the hardened models hold every oracle")
  func smoke() async {
    let reports = await campaign(seed: 20_261_122)
    #expect(reports.map(\.target) == FuzzTargetRegistry.standard.map(\.name))
    for report in reports {
      #expect(report.executions == Self.runsPerTarget, "\(report.target)")
      #expect(report.accepted + report.rejected + report.findingInputs == Self.runsPerTarget)
      #expect(report.findings.isEmpty, "\(report.target): \(report.findings.map(\.report))")
      #expect(report.accepted > 0, "\(report.target) accepted nothing")
      #expect(report.corpusSize > 1, "\(report.target) corpus did not grow")
    }
    let responseTargets = reports.prefix(5)
    #expect(responseTargets.allSatisfy { $0.rejected > 0 })
  }

  @Test("the same seed gives the same campaign, whatever the number of jobs")
  func reproducible() async {
    func summary(jobs: Int) async -> [String] {
      await offThePool {
        FuzzCampaign.run(
          FuzzConfiguration(
            targets: Array(FuzzTargetRegistry.standard.prefix(3)), seed: 99, budget: .runs(100),
            jobs: jobs, corpusDirectory: corpusDirectory, findingsDirectory: nil
          ) { target in InProcessExecutor(target: target, budgetMilliseconds: 2_000) }
        ).map { "\($0.target) \($0.accepted) \($0.rejected) \($0.corpusSize)" }
      }
    }
    let one = await summary(jobs: 1)
    #expect(one == (await summary(jobs: 3)))
    #expect(one.count == 3)
  }
}
