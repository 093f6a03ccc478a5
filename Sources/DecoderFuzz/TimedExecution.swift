/// Runs a target on one input and turns an input that costs more than the budget into a
/// `slow` finding.
///
/// The cost is the CPU time of the thread that runs the input (``ThreadCPUClock``), not
/// wall time: a loaded machine stretches wall time (a 65 KiB error body once measured
/// 256 ms of wall time for a few milliseconds of work) but not the CPU time an input needs.
/// The budget is stated for a release build and scaled by ``BuildKind/budgetScale`` for the
/// build that runs. An input over budget is run once more under the same measure, and is a
/// `slow` finding only when both runs are over.
public enum TimedExecution {
  /// The outcome of `input`, or a `slow` finding when it cost more than the budget twice.
  ///
  /// - Parameters:
  ///   - budgetMilliseconds: the budget of a release build, in milliseconds of CPU time.
  ///   - build: the build whose ``BuildKind/budgetScale`` applies.
  ///   - clock: the measure, in milliseconds (the thread's CPU time).
  public static func run(
    _ target: FuzzTarget, _ input: [UInt8], budgetMilliseconds: Double,
    build: BuildKind = .current, clock: () -> Double = ThreadCPUClock.milliseconds
  ) -> ExecutionOutcome {
    let allowed = budgetMilliseconds * build.budgetScale
    func timed() -> (ExecutionOutcome, Double) {
      let start = clock()
      let outcome = target.execute(input)
      return (outcome, clock() - start)
    }
    let (outcome, first) = timed()
    guard outcome.finding == nil, first > allowed else { return outcome }
    let (_, second) = timed()
    guard second > allowed else { return outcome }
    return .finding(
      FindingReport(
        .slow,
        detail: "took \(milliseconds(first)), then \(milliseconds(second)) of CPU time, over "
          + "the \(describe(budgetMilliseconds, build: build)) budget"))
  }

  /// `250 ms`, or `250 ms (2,000 ms in a debug build)`.
  public static func describe(_ budgetMilliseconds: Double, build: BuildKind = .current)
    -> String
  {
    let stated = milliseconds(budgetMilliseconds)
    guard build.budgetScale != 1 else { return stated }
    return "\(stated) (\(milliseconds(budgetMilliseconds * build.budgetScale)) in a "
      + "\(build.rawValue) build)"
  }

  private static func milliseconds(_ value: Double) -> String {
    value >= 1 ? "\(Int(value)) ms" : "\((value * 1000).rounded() / 1000) ms"
  }
}
