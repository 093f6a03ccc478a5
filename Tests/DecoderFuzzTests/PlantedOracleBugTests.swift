import CloudProgress
import DecoderFuzz
import Foundation
import Testing

/// Each oracle proved able to fire: a model with a planted bug is caught, and the real model
/// holds on the same input.
@Suite("Oracles fire on planted bugs")
struct PlantedOracleBugTests {
  static let sequence = [#"{"name":"a","status":0}"#, #"{"name":"a","status":1}"#]

  func check<Model: TaskProgressReporting>(_ model: Model.Type, _ text: String)
    -> ExecutionOutcome
  {
    ResponseOracles(Model.self, schema: .insight, pollingSequences: [Self.sequence])
      .check(Array(text.utf8))
  }

  @Test("a cosmetic field decoded strictly: the answer is rejected, a cosmetic-rejected finding")
  func strictCosmeticField() {
    let outcome = check(StrictNameTask.self, #"{"status":1,"name":5}"#)
    #expect(outcome.finding?.findingClass == .cosmeticRejected)
    #expect(outcome.finding?.path == "/name")
    #expect(check(InsightImportTask.self, #"{"status":1,"name":5}"#).finding == nil)
  }

  @Test("a cosmetic field that rejects only within a sequence: found through the overlay")
  func strictCosmeticFieldInSequence() {
    // The input's own progress field is bad too, so it alone says nothing; laid over the
    // documented answers, its name still rejects them.
    let outcome = check(StrictNameTask.self, #"{"status":{},"name":5}"#)
    #expect(outcome.finding?.findingClass == .cosmeticRejected)
    #expect(
      outcome.finding?.detail.contains("of polling sequence 1 with these cosmetic fields") == true)
    #expect(check(InsightImportTask.self, #"{"status":{},"name":5}"#).finding == nil)
  }

  @Test("a progress read from a cosmetic field: a cosmetic-changed-progress finding")
  func progressFromCosmeticField() {
    let outcome = check(NameSetsPercentTask.self, #"{"status":0,"name":"x"}"#)
    #expect(outcome.finding?.findingClass == .cosmeticChangedProgress)
    #expect(outcome.finding?.detail.contains("without its cosmetic fields") == true)
    #expect(check(InsightImportTask.self, #"{"status":0,"name":"x"}"#).finding == nil)
  }

  @Test("a mapping that goes back from a terminal phase: a sequence-broken finding")
  func terminalGoesBack() {
    let oracles = ResponseOracles(
      BackwardsTask.self, schema: .insight,
      pollingSequences: [[#"{"status":1}"#, #"{"status":2}"#]])
    let outcome = oracles.check(Array(#"{"status":1,"name":"x"}"#.utf8))
    #expect(outcome.finding?.findingClass == .sequenceBroken)
    #expect(
      outcome.finding?.detail
        == "BackwardsTask: polling sequence 1: terminal phase succeeded at answer 1 went back to running at answer 2"
    )
  }

  @Test("the mutator reaches the planted cosmetic bug within a small budget")
  func campaignFindsIt() async throws {
    let target = FuzzTarget.response(
      StrictNameTask.self, api: .insight, schema: .insight, name: "planted-strict-name",
      pollingSequences: [Self.sequence])
    let reports = await offThePool {
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: [target], seed: 7, budget: .runs(1_000), corpusDirectory: corpusDirectory,
          findingsDirectory: nil
        ) { target in InProcessExecutor(target: target, budgetMilliseconds: 2_000) })
    }
    let report = try #require(reports.first)
    #expect(report.findings.contains { $0.report.findingClass == .cosmeticRejected })
  }
}

/// Planted bug: `name` decoded strictly, so a name of another type rejects the answer.
struct StrictNameTask: TaskProgressReporting {
  var name: String?
  var status: Int?
  var taskProgress: TaskProgress {
    switch status {
    case 0: TaskProgress(phase: .running, percent: 0)
    case 1: TaskProgress(phase: .succeeded, percent: 100)
    default: TaskProgress(phase: .unknown)
    }
  }
  var wireAnomalies: [WireAnomaly] { [] }
}

/// Planted bug: the percent depends on `name`, a field the progress must not depend on.
struct NameSetsPercentTask: TaskProgressReporting {
  var name: String?
  var status: Int?
  var taskProgress: TaskProgress { TaskProgress(phase: .running, percent: name == nil ? 0 : 50) }
  var wireAnomalies: [WireAnomaly] { [] }
}

/// Planted bug: a later documented state read as running after a terminal one.
struct BackwardsTask: TaskProgressReporting {
  var status: Int?
  var taskProgress: TaskProgress {
    status == 1 ? TaskProgress(phase: .succeeded, percent: 100) : TaskProgress(phase: .running)
  }
  var wireAnomalies: [WireAnomaly] { [] }
}
