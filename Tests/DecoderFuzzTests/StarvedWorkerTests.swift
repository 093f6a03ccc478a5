import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import Testing

/// A worker that is silent because the machine is busy is not hung: it is runnable and
/// has used less CPU time than the silence limit, so it is given more time; a worker that
/// sleeps is still a hang.
@Suite("Starved worker")
struct StarvedWorkerTests {
  static let silence: Int32 = 500

  @Test("its core busy: an input that needs 0.8 of the silence limit of CPU is answered")
  func starvedIsNotHung() async {
    let outcomes = await offThePool {
      CPUHogs.confineThisThread()
      let hogs = CPUHogs()
      defer { hogs.stop() }
      // Confined to one core with two spinning threads, the worker gets at most a third
      // of it: the input's wall time is well over the silence limit.
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
