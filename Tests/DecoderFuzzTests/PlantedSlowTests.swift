import DecoderFuzz
import Foundation
import FuzzPlantedTrap
import Testing

/// The `slow` oracle measures what an input costs, not what the machine does meanwhile:
/// a planted input that spins well past the budget is slow on a loaded machine, one that
/// spins a little and then waits (as an input does when the machine is busy) is not, in
/// process and in a worker, while every core is kept busy.
@Suite("Planted slow input")
struct PlantedSlowTests {
  /// The budget of a release build, scaled by the worker's and this process's build.
  static let budget = 1.0
  static let allowed = budget * BuildKind.current.budgetScale

  /// The spin steps that cost about `milliseconds` of CPU time on this machine, measured on
  /// this thread's CPU clock (the count is what the inputs carry; its cost is known).
  static func steps(costing milliseconds: Double) -> Int {
    let probe = 2_000_000
    var cost = Double.infinity
    for _ in 0..<3 {
      let start = ThreadCPUClock.milliseconds()
      _ = PlantedTrap.spin(probe)
      cost = min(cost, ThreadCPUClock.milliseconds() - start)
    }
    return Int(Double(probe) * milliseconds / max(cost, 0.001))
  }

  /// Six times the budget of CPU time: slow however busy the machine is.
  static func slowInput() -> [UInt8] {
    Array("spin \(steps(costing: 6 * allowed)) sleep 0".utf8)
  }

  /// An eighth of the budget of CPU time, then four budgets of waiting: fast, however
  /// long it takes on the clock.
  static func fastInput() -> [UInt8] {
    Array("spin \(steps(costing: allowed / 8)) sleep \(4 * allowed)".utf8)
  }

  @Test("in process, every core busy: the spinning input is slow, the waiting one is not")
  func inProcess() async {
    let (slow, fast) = await offThePool {
      CPUHogs.lowerThisThreadsPriority()
      let hogs = CPUHogs()
      defer { hogs.stop() }
      let slowInput = Self.slowInput()
      let fastInput = Self.fastInput()
      return (
        TimedExecution.run(PlantedTrap.slowTarget, slowInput, budgetMilliseconds: Self.budget),
        TimedExecution.run(PlantedTrap.slowTarget, fastInput, budgetMilliseconds: Self.budget)
      )
    }
    #expect(slow.finding?.findingClass == .slow, "\(slow)")
    #expect(slow.finding?.detail.contains("of CPU time") == true, "\(slow)")
    #expect(fast == .accepted(signature: "spun 1") || fast == .accepted(signature: "spun 0"))
  }

  @Test("in a worker, every core busy: the spinning input is slow, the waiting one is not")
  func inWorker() async {
    let outcomes = await offThePool {
      CPUHogs.lowerThisThreadsPriority()
      let hogs = CPUHogs()
      defer { hogs.stop() }
      let executor = WorkerExecutor(
        target: PlantedTrap.slowTarget, command: [plantedTrapWorker],
        budgetMilliseconds: Self.budget, silenceLimitMilliseconds: 60_000)
      return executor.run([Self.fastInput(), Self.slowInput(), Self.fastInput()])
    }
    #expect(outcomes.count == 3)
    #expect(outcomes[0].signature.hasPrefix("accepted spun"), "\(outcomes)")
    #expect(outcomes[1].finding?.findingClass == .slow, "\(outcomes)")
    #expect(outcomes[2].signature.hasPrefix("accepted spun"), "\(outcomes)")
  }
}
