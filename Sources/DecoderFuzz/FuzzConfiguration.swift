import Foundation

/// What a fuzzing campaign runs: which targets, from which seed and shard, for how long,
/// on how many jobs, with which executor, and where findings go.
public struct FuzzConfiguration: Sendable {
  /// How long a campaign runs.
  public enum Budget: Hashable, Sendable {
    /// This many inputs per target: the same inputs on every machine.
    case runs(Int)
    /// This many seconds of wall time in all, shared among the targets.
    case seconds(Double)
  }

  /// The targets, each fuzzed by one job (so a target's inputs do not depend on `jobs`).
  public var targets: [FuzzTarget]
  /// The campaign seed.
  public var seed: UInt64
  /// The shard.
  public var shard: Shard
  /// The budget.
  public var budget: Budget
  /// Parallel jobs.
  public var jobs: Int
  /// Inputs per batch sent to an executor.
  public var batchSize: Int
  /// The corpus directory (seeds are read from it).
  public var corpusDirectory: URL
  /// Where findings are saved (a corpus directory); nil to keep them in memory only.
  public var findingsDirectory: URL?
  /// Makes the executor of a target (one per job and target).
  public var makeExecutor: @Sendable (FuzzTarget) -> any FuzzExecutor
  /// The minimizer.
  public var minimizer: Minimizer
  /// The time budget per input the executors apply, in milliseconds; saved in findings.
  public var budgetMilliseconds: Double?
  /// Asked between batches; true stops every job after its current batch (Ctrl-C).
  public var shouldStop: @Sendable () -> Bool = { false }

  /// Creates a configuration.
  public init(
    targets: [FuzzTarget], seed: UInt64, shard: Shard = .whole, budget: Budget, jobs: Int = 1,
    batchSize: Int = 64, corpusDirectory: URL, findingsDirectory: URL?,
    minimizer: Minimizer = Minimizer(),
    makeExecutor: @escaping @Sendable (FuzzTarget) -> any FuzzExecutor
  ) {
    self.targets = targets
    self.seed = seed
    self.shard = shard
    self.budget = budget
    self.jobs = max(1, jobs)
    self.batchSize = max(1, batchSize)
    self.corpusDirectory = corpusDirectory
    self.findingsDirectory = findingsDirectory
    self.minimizer = minimizer
    self.makeExecutor = makeExecutor
  }
}
