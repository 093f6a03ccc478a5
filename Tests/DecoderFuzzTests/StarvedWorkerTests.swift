import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import Testing

/// A worker that is silent because the machine is busy is not hung: it is runnable and
/// has used less CPU time than the silence limit, so it is given more time; a worker that
/// sleeps is still a hang.
@Suite("Starved worker")
struct StarvedWorkerTests {
  static let silence: Int32 = 300

  @Test("every core busy: an input that needs 0.8 of the silence limit of CPU is answered")
  func starvedIsNotHung() async {
    let outcomes = await offThePool {
      CPUHogs.lowerThisThreadsPriority()
      let hogs = CPUHogs()
      defer { hogs.stop() }
      // With two spinning threads per core at its priority, the worker gets at most about
      // a third of a core: the input's wall time is well over the silence limit.
      let steps = PlantedSlowTests.steps(costing: 0.8 * Double(Self.silence))
      let executor = WorkerExecutor(
        target: PlantedTrap.slowTarget, command: [plantedTrapWorker],
        budgetMilliseconds: 100_000, silenceLimitMilliseconds: Self.silence)
      return executor.run([Array("spin \(steps) sleep 0".utf8)])
    }
    #expect(outcomes.count == 1)
    #expect(outcomes.first?.signature.hasPrefix("accepted spun") == true, "\(outcomes)")
  }

  @Test("a worker asleep on an input is hung, whatever the load")
  func asleepIsHung() async {
    let outcomes = await offThePool {
      let executor = WorkerExecutor(
        target: PlantedTrap.slowTarget, command: [plantedTrapWorker],
        budgetMilliseconds: 100_000, silenceLimitMilliseconds: Self.silence)
      return executor.run([Array("spin 0 sleep 60000".utf8)])
    }
    #expect(outcomes.first?.finding?.findingClass == .hang, "\(outcomes)")
  }
}
