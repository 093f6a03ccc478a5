/// Runs a target on one input and turns an input slower than the budget into a finding.
public enum TimedExecution {
  /// The outcome of `input`, or a `slow` finding when it took longer than the budget.
  public static func run(_ target: FuzzTarget, _ input: [UInt8], budgetMilliseconds: Double)
    -> ExecutionOutcome
  {
    let clock = ContinuousClock()
    let start = clock.now
    let outcome = target.execute(input)
    let elapsed = clock.now - start
    let milliseconds =
      Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    if outcome.finding == nil, milliseconds > budgetMilliseconds {
      return .finding(
        FindingReport(
          .slow,
          detail: "took \(Int(milliseconds)) ms, over the \(Int(budgetMilliseconds)) ms budget"))
    }
    return outcome
  }
}
