import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import JSONTree
import Testing

/// The planted trap proves the whole pipeline: the worker isolates the crash, the campaign
/// finds it within a small budget, the minimizer shrinks it, the store saves it once, and
/// it replays both through a worker and in an exit test.
@Suite("Planted trap")
struct PlantedTrapTests {
  @Test("the test worker exists next to the test binary")
  func workerIsBuilt() {
    #expect(FileManager.default.isExecutableFile(atPath: plantedTrapWorker))
  }

  @Test("a crash kills only the worker: the crasher is named, no input is lost")
  func isolation() async throws {
    let good = Array(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)
    let crasher = Array(#"{"progress":{"info":"\u0000"}}"#.utf8)
    let rejected = Array("[1,".utf8)
    let (outcomes, restarts) = await offThePool {
      let executor = WorkerExecutor(
        target: PlantedTrap.target, command: [plantedTrapWorker], budgetMilliseconds: 10_000)
      return (executor.run([good, crasher, good, rejected, crasher, good]), executor.restarts)
    }
    #expect(outcomes.count == 6)
    #expect(outcomes[0] == .accepted(signature: "running %"))
    #expect(outcomes[1].finding?.findingClass == .trap)
    #expect(outcomes[1].finding?.detail.hasPrefix("signal 4 (SIGILL)") == true)
    #expect(outcomes[1].finding?.detail.contains("Index out of range") == true)
    #expect(outcomes[2] == .accepted(signature: "running %"))
    #expect(outcomes[3].signature.hasPrefix("rejected"))
    #expect(outcomes[4].finding?.findingClass == .trap)
    #expect(outcomes[5] == .accepted(signature: "running %"))
    // Per crash two workers: the batch's, which dies with its answers unwritten, and the
    // one the crasher is sent to alone, which dies on it again.
    #expect(restarts == 4)
  }

  @Test(
    "a hang: the silent worker is killed, its input is the hang, the next one is answered",
    .timeLimit(.minutes(1)))
  func hang() async {
    let good = Array(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)
    let hanging = Array(#"{"progress":{"info":"hang"}}"#.utf8)
    let (outcomes, restarts) = await offThePool {
      let executor = WorkerExecutor(
        target: PlantedTrap.hangTarget, command: [plantedTrapWorker],
        budgetMilliseconds: 10_000, silenceLimitMilliseconds: 1_000)
      return (executor.run([good, hanging, good]), executor.restarts)
    }
    #expect(outcomes.count == 3)
    #expect(outcomes[0] == .accepted(signature: "running %"))
    #expect(outcomes[1].finding?.findingClass == .hang)
    #expect(outcomes[2] == .accepted(signature: "running %"))
    // The batch's worker, then the one the hanging input hangs again alone.
    #expect(restarts == 2)
  }

  @Test("found within the smoke budget, minimized, saved once, and replayed")
  func pipeline() async throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = try #require(await campaign(seed: 5, findingsDirectory: directory))
    let finding = try #require(report.findings.first { $0.report.findingClass == .trap })
    #expect(
      report.isNew == [true],
      "\(report.findings.map { "\($0.report.findingClass): \($0.report.detail.prefix(200))" })")
    #expect(finding.report.detail.hasPrefix("signal 4 (SIGILL)"))
    #expect(String(decoding: finding.input, as: UTF8.self) == #"{"progress":{"info":"\u0000"}}"#)
    #expect(finding.originalSize > finding.input.count)
    #expect(
      finding.mutations.contains {
        $0.operator == .naughtyString || $0.operator == .enumCaseVariant
      })
    #expect(finding.seed == 5)
    #expect((0..<400).contains(finding.iteration))
    let rerunDirectory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: rerunDirectory) }
    let rerun = try #require(await campaign(seed: 5, findingsDirectory: rerunDirectory))
    let same = try #require(rerun.findings.first { $0.report.findingClass == .trap })
    #expect(same.iteration == finding.iteration, "one seed, one campaign")
    #expect(same.input == finding.input)
    let file = try #require(report.files.first)
    #expect(file.path.hasSuffix("check/findings/\(finding.identifier).json"))
    #expect(try FindingStore.load(file) == finding)

    let again = try FindingStore(corpusDirectory: directory).save(finding, corpusKey: "check")
    #expect(again.isNew == false)
    #expect(again.url == file)

    let replayed = await offThePool {
      WorkerExecutor(target: PlantedTrap.target, command: [plantedTrapWorker]).run([finding.input])
    }
    #expect(replayed.first?.finding?.findingClass == .trap)
    await #expect(processExitsWith: .signal(SIGILL)) { [file = file as URL] in
      let finding = try FindingStore.load(file)
      _ = PlantedTrap.target.execute(finding.input)
    }
  }

  /// The smoke campaign over the planted trap: 400 runs in batches of 128.
  private func campaign(seed: UInt64, findingsDirectory: URL) async -> TargetReport? {
    await offThePool {
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: [PlantedTrap.target], seed: seed, budget: .runs(400), batchSize: 128,
          corpusDirectory: corpusDirectory, findingsDirectory: findingsDirectory
        ) { target in
          // A generous budget: this test is about the trap; under the full suite's load a
          // worker descheduled for 250 ms would add a "slow" finding.
          WorkerExecutor(
            target: target, command: [plantedTrapWorker], budgetMilliseconds: 10_000)
        }
      ).first
    }
  }
}
