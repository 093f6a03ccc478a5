import Dispatch
import Foundation
import Synchronization

/// Runs a campaign: for each target, mutates its corpus, runs the inputs through an
/// executor, grows the corpus with inputs of new behaviour, and minimizes and saves each
/// distinct finding.
public enum FuzzCampaign {
  /// Runs `configuration`, calling `progress` after every batch (from the job threads).
  public static func run(
    _ configuration: FuzzConfiguration,
    progress: @escaping @Sendable (FuzzProgress) -> Void = { _ in }
  ) -> [TargetReport] {
    let start = ContinuousClock.now
    let shared = SharedState()
    let targets = configuration.targets
    let jobs = min(configuration.jobs, max(1, targets.count))
    let perJobSeconds: Double? =
      if case .seconds(let seconds) = configuration.budget { seconds } else { nil }
    // One thread per job, not `concurrentPerform`: that runs at most one iteration per core
    // at a time, so with more jobs than cores the later jobs started after the time budget
    // and their targets ran nothing.
    let group = DispatchGroup()
    for job in 0..<jobs {
      group.enter()
      let thread = Thread {
        defer { group.leave() }
        let mine = targets.indices.filter { $0 % jobs == job }
        for (position, index) in mine.enumerated() {
          if configuration.shouldStop() { break }
          var deadline: ContinuousClock.Instant?
          if let perJobSeconds {
            deadline = start + .seconds(perJobSeconds * Double(position + 1) / Double(mine.count))
          }
          var fuzzer = TargetFuzzer(target: targets[index], configuration: configuration)
          let report = fuzzer.run(until: deadline) { executions, findings, corpus in
            let snapshot = shared.state.withLock { state in
              state.progress.executions += executions
              state.progress.findings += findings
              state.progress.corpusSize += corpus
              state.progress.elapsed = seconds(since: start)
              return state.progress
            }
            progress(snapshot)
          }
          shared.state.withLock { $0.reports[index] = report }
        }
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
    let reports = shared.state.withLock { $0.reports }
    return targets.indices.compactMap { reports[$0] }
  }

  /// What the job threads share.
  private final class SharedState: Sendable {
    let state = Mutex((reports: [Int: TargetReport](), progress: FuzzProgress()))
  }

  /// The largest input a campaign sends to a target: 256 KiB, well above any real progress
  /// answer (a mutated input larger than this is replaced by its base).
  public static let maximumInputSize = 262_144

  static func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}

/// The fuzzing loop of one target.
private struct TargetFuzzer {
  let target: FuzzTarget
  let configuration: FuzzConfiguration
  var executor: any FuzzExecutor
  var random: FuzzRandom
  var corpus: [FuzzCase]
  var signatures: Set<String> = []
  var seenFindings: Set<String> = []
  var report: TargetReport
  let mutator: Mutator

  static let corpusLimit = 256
  /// Inputs larger than this never join the corpus, so that stacked mutations (huge
  /// strings, repeated elements) do not grow without bound.
  static let corpusEntryLimit = 8_192

  init(target: FuzzTarget, configuration: FuzzConfiguration) {
    self.target = target
    self.configuration = configuration
    self.executor = configuration.makeExecutor(target)
    let stream = StableHash.fnv1a("\(configuration.shard)/\(target.name)")
    self.random = FuzzRandom(seed: configuration.seed, stream: stream)
    self.corpus = SeedCorpus.cases(of: target, in: configuration.corpusDirectory)
    if corpus.isEmpty { corpus = [FuzzCase(document: .object([]), schema: target.schema)] }
    self.report = TargetReport(target: target.name)
    self.mutator = Mutator()
  }

  mutating func run(
    until deadline: ContinuousClock.Instant?, progress: (Int, Int, Int) -> Void
  ) -> TargetReport {
    let start = ContinuousClock.now
    progress(0, 0, corpus.count)
    var limit = Int.max
    if case .runs(let runs) = configuration.budget { limit = runs }
    // Every target runs at least one batch, however late its turn comes (unless stopped).
    while report.executions < limit, !configuration.shouldStop(),
      report.executions == 0 || deadline.map({ ContinuousClock.now < $0 }) ?? true
    {
      let count = min(configuration.batchSize, limit - report.executions)
      var cases: [FuzzCase] = []
      var inputs: [[UInt8]] = []
      for _ in 0..<count {
        let base = random.pick(corpus)
        var mutated = mutator.mutate(base, using: &random)
        var bytes = mutated.bytes()
        // Stacked growth (huge strings in repeated elements) is cut back to the base, so
        // that the time budget judges the decoder, not the size of the input.
        if bytes.count > FuzzCampaign.maximumInputSize {
          mutated = base
          bytes = base.bytes()
        }
        cases.append(mutated)
        inputs.append(bytes)
      }
      let outcomes = executor.run(inputs)
      let corpusBefore = corpus.count
      let findingsBefore = report.findings.count
      for (offset, outcome) in outcomes.enumerated() {
        let iteration = report.executions + offset
        switch outcome {
        case .accepted: report.accepted += 1
        case .rejected: report.rejected += 1
        case .finding(let finding):
          report.findingInputs += 1
          handle(finding, case: cases[offset], input: inputs[offset], iteration: iteration)
        }
        if signatures.insert(outcome.signature).inserted, cases[offset].isWellFormed,
          corpus.count < Self.corpusLimit, inputs[offset].count <= Self.corpusEntryLimit,
          let entry = cases[offset].rebased()
        {
          corpus.append(entry)
        }
      }
      report.executions += outcomes.count
      progress(
        outcomes.count, report.findings.count - findingsBefore, corpus.count - corpusBefore)
    }
    report.seconds = FuzzCampaign.seconds(since: start)
    report.corpusSize = corpus.count
    return report
  }

  /// Minimizes and saves a finding, once per class and path pattern in a run (the same
  /// rejection at `/json/details/1` and `/json/details/5` is one finding, minimized to the
  /// smallest index that still shows it).
  ///
  /// A slow input is minimized too, keeping what makes it slow (every candidate must still
  /// be slow, which costs twice the budget each time, so with fewer candidates:
  /// ``Minimizer/slowInputExecutions``), and is kept only when it is slow again run on its
  /// own: a cost that does not come back is not a finding. A hang is saved as found.
  mutating func handle(
    _ finding: FindingReport, case fuzzCase: FuzzCase, input: [UInt8], iteration: Int
  ) {
    let key = "\(finding.findingClass) \(finding.pathPattern ?? "")"
    guard seenFindings.insert(key).inserted else { return }
    var minimized = input
    var minimizedReport = finding
    if finding.findingClass != .hang {
      var executor = self.executor
      var minimizer = configuration.minimizer
      if finding.findingClass == .slow {
        minimizer.maximumExecutions = min(
          minimizer.maximumExecutions, Minimizer.slowInputExecutions)
      }
      minimized = minimizer.minimize(input) { candidate in
        guard let found = executor.run([candidate]).first?.finding,
          found.findingClass == finding.findingClass, found.pathPattern == finding.pathPattern
        else { return false }
        return true
      }
      let confirmed = executor.run([minimized]).first?.finding
      self.executor = executor
      if finding.findingClass == .slow, confirmed?.findingClass != .slow {
        report.unconfirmedSlowInputs += 1
        return
      }
      minimizedReport = confirmed ?? finding
    }
    let saved = Finding(
      target: target.name, report: minimizedReport, input: minimized,
      mutations: fuzzCase.mutations, seed: configuration.seed, shard: configuration.shard,
      iteration: iteration, originalSize: input.count,
      budgetMilliseconds: configuration.budgetMilliseconds)
    report.findings.append(saved)
    if let directory = configuration.findingsDirectory {
      let store = FindingStore(corpusDirectory: directory)
      if let result = try? store.save(saved, corpusKey: target.corpusKey) {
        report.files.append(result.url)
        report.isNew.append(result.isNew)
        return
      }
    }
    let existing = FindingStore(corpusDirectory: configuration.corpusDirectory)
      .location(of: saved, corpusKey: target.corpusKey)
    report.isNew.append(!FileManager.default.fileExists(atPath: existing.path))
  }
}
