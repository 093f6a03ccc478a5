/// Runs a target on one input and turns an input slower than the budget into a finding.
///
/// The budget is judged on wall time, which a loaded machine stretches: an input over
/// budget is run once more, and is a `slow` finding only when both runs are over (a 65 KiB
/// error body once measured 256 ms for a few milliseconds of work).
public enum TimedExecution {
  /// The outcome of `input`, or a `slow` finding when it took longer than the budget twice.
  public static func run(
    _ target: FuzzTarget, _ input: [UInt8], budgetMilliseconds: Double,
    clock: @Sendable () -> Double = monotonicMilliseconds
  ) -> ExecutionOutcome {
    func timed() -> (ExecutionOutcome, Double) {
      let start = clock()
      let outcome = target.execute(input)
      return (outcome, clock() - start)
    }
    let (outcome, first) = timed()
    guard outcome.finding == nil, first > budgetMilliseconds else { return outcome }
    let (_, second) = timed()
    guard second > budgetMilliseconds else { return outcome }
    return .finding(
      FindingReport(
        .slow,
        detail: "took \(Int(first)) ms, then \(Int(second)) ms, over the "
          + "\(Int(budgetMilliseconds)) ms budget"))
  }

  /// Milliseconds on the continuous clock since the first call.
  @Sendable public static func monotonicMilliseconds() -> Double {
    let elapsed = ContinuousClock.now - origin
    return Double(elapsed.components.seconds) * 1000
      + Double(elapsed.components.attoseconds) / 1e15
  }

  private static let origin = ContinuousClock.now
}
