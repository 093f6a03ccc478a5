/// Runs inputs through one target and reports an outcome for each, in order.
public protocol FuzzExecutor {
  /// The target the inputs go to.
  var target: FuzzTarget { get }
  /// One outcome per input, in order; none is lost, whatever happens to the executor.
  mutating func run(_ inputs: [[UInt8]]) -> [ExecutionOutcome]
}

/// Runs inputs in this process: fastest, but a trap ends the process. For targets that
/// cannot trap any more (the smoke test) and for measuring.
public struct InProcessExecutor: FuzzExecutor {
  /// The target.
  public let target: FuzzTarget
  /// Inputs slower than this are `slow` findings.
  public var budgetMilliseconds: Double

  /// Creates an executor.
  public init(target: FuzzTarget, budgetMilliseconds: Double = 250) {
    self.target = target
    self.budgetMilliseconds = budgetMilliseconds
  }

  /// Runs each input in turn.
  public mutating func run(_ inputs: [[UInt8]]) -> [ExecutionOutcome] {
    inputs.map { TimedExecution.run(target, $0, budgetMilliseconds: budgetMilliseconds) }
  }
}
