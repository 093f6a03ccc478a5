import DecoderFuzz
import Foundation
import JSONTree
import Synchronization
import Testing

/// A slow input shrinks like any other finding, and keeps what makes it slow.
@Suite("Slow findings are minimized")
struct SlowMinimizationTests {
  /// The budget of a release build; this build allows it times its scale.
  static let budget = 1.0

  /// A `cpts` target that is slow on any input naming `details` (it spins for four times
  /// the budget of CPU time) and quick on every other.
  static let slowOnDetails = FuzzTarget(
    name: "slow-on-details", corpusKey: "cpts", seedSelection: .success, schema: .cpts
  ) { bytes in
    guard String(decoding: bytes, as: UTF8.self).contains(#""details""#) else {
      return .accepted(signature: "quick")
    }
    let start = ThreadCPUClock.milliseconds()
    var state: UInt64 = 1
    while ThreadCPUClock.milliseconds() - start < 4 * budget * BuildKind.current.budgetScale {
      for _ in 0..<1_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
    }
    return .accepted(signature: "spun \(state & 1)")
  }

  @Test("the campaign saves the slow input smaller than found, still naming what is slow")
  func minimized() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var configuration = FuzzConfiguration(
      targets: [Self.slowOnDetails], seed: 1, budget: .runs(64),
      corpusDirectory: corpusDirectory, findingsDirectory: directory
    ) { target in InProcessExecutor(target: target, budgetMilliseconds: Self.budget) }
    configuration.budgetMilliseconds = Self.budget
    let report = try #require(FuzzCampaign.run(configuration).first)
    let finding = try #require(report.findings.first)
    #expect(report.findings.count == 1)
    #expect(finding.report.findingClass == .slow)
    #expect(finding.report.detail.contains("of CPU time"))
    let text = String(decoding: finding.input, as: UTF8.self)
    #expect(text.contains(#""details""#), "\(text)")
    #expect(finding.input.count < finding.originalSize / 2, "\(text) from \(finding.originalSize)")
    let file = try #require(report.files.first)
    #expect(try FindingStore.load(file) == finding)
  }

  /// Spins four budgets of CPU time the first two times it runs, then is quick: a cost
  /// that came from somewhere else than the input (such as a cold cache).
  final class SlowTwice: Sendable {
    let runs = Mutex(0)

    var target: FuzzTarget {
      FuzzTarget(name: "slow-twice", corpusKey: "cpts", seedSelection: .success, schema: .cpts) {
        _ in
        guard
          self.runs.withLock({ runs in
            runs += 1
            return runs <= 2
          })
        else { return .accepted(signature: "quick") }
        let start = ThreadCPUClock.milliseconds()
        var state: UInt64 = 1
        while ThreadCPUClock.milliseconds() - start < 4 * budget * BuildKind.current.budgetScale {
          for _ in 0..<1_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        }
        return .accepted(signature: "spun \(state & 1)")
      }
    }
  }

  @Test("a slow input that is not slow again on its own is not kept")
  func unconfirmed() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let slowTwice = SlowTwice()
    let report = try #require(
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: [slowTwice.target], seed: 1, budget: .runs(16),
          corpusDirectory: corpusDirectory, findingsDirectory: directory
        ) { target in InProcessExecutor(target: target, budgetMilliseconds: Self.budget) }
      ).first)
    #expect(report.findingInputs == 1)
    #expect(report.unconfirmedSlowInputs == 1)
    #expect(report.findings.isEmpty)
    #expect(FindingStore(corpusDirectory: directory).findingFiles().isEmpty)
  }
}
