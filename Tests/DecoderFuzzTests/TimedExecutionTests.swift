import DecoderFuzz
import Synchronization
import Testing

/// The `slow` oracle on a scripted clock: an input is slow only when two runs are over budget.
/// (That the clock is the thread's CPU time is proven by ``PlantedSlowTests``.)
@Suite("TimedExecution")
struct TimedExecutionTests {
  /// A clock reading the given milliseconds in turn, and a target counting its runs.
  final class Script: Sendable {
    let readings: Mutex<[Double]>
    let runs = Mutex(0)

    init(_ readings: [Double]) { self.readings = Mutex(readings) }

    var target: FuzzTarget {
      FuzzTarget(name: "scripted", corpusKey: "check", seedSelection: .success, schema: .check) {
        _ in
        self.runs.withLock { $0 += 1 }
        return .accepted(signature: "ok")
      }
    }

    func run() -> ExecutionOutcome {
      TimedExecution.run(target, [], budgetMilliseconds: 250, build: .release) {
        self.readings.withLock { $0.removeFirst() }
      }
    }
  }

  @Test("within budget: one run, the target's outcome")
  func withinBudget() {
    let script = Script([0, 40])
    #expect(script.run() == .accepted(signature: "ok"))
    #expect(script.runs.withLock { $0 } == 1)
  }

  @Test("over budget once, then within: a stall, not a finding")
  func stall() {
    let script = Script([0, 300, 1000, 1010])
    #expect(script.run() == .accepted(signature: "ok"))
    #expect(script.runs.withLock { $0 } == 2)
  }

  @Test("over budget twice: a slow finding that gives both times")
  func slow() throws {
    let script = Script([0, 300, 1000, 1400])
    let finding = try #require(script.run().finding)
    #expect(finding.findingClass == .slow)
    #expect(finding.detail == "took 300 ms, then 400 ms of CPU time, over the 250 ms budget")
  }

  @Test("a debug build allows the budget times its scale, and says so")
  func debugScale() throws {
    let budget = 250 * BuildKind.debug.budgetScale
    let within = Script([0, budget - 1])
    #expect(
      TimedExecution.run(within.target, [], budgetMilliseconds: 250, build: .debug) {
        within.readings.withLock { $0.removeFirst() }
      } == .accepted(signature: "ok"))
    let over = Script([0, budget + 1, 0, budget + 1])
    let finding = try #require(
      TimedExecution.run(over.target, [], budgetMilliseconds: 250, build: .debug) {
        over.readings.withLock { $0.removeFirst() }
      }.finding)
    #expect(finding.detail.hasSuffix("over the 250 ms (\(Int(budget)) ms in a debug build) budget"))
  }
}
