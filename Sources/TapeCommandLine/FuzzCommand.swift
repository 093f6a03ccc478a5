import DecoderFuzz
import Foundation
import SystemInterface

/// `tape fuzz [--target T] [--seconds N | --runs N] [--seed S] [--shard i/n] [--jobs N]`:
/// fuzzes the decoders of the five APIs in crash-isolated workers, minimizes and saves each
/// new finding in `corpus/<api>/findings/`; `tape fuzz replay <file>` reruns one finding.
enum FuzzCommand {
  static let usage = """
    usage: tape fuzz [--target <name>] [--seconds <n> | --runs <n>] [--seed <s>]
                     [--shard <i>/<n>] [--jobs <n>] [--corpus <dir>] [--budget-ms <n>]
                     [--in-process]
           tape fuzz replay <finding-file>

    Mutates the documented payloads in corpus/<api>/seeds and runs them through every model
    and its normalization to TaskProgress, each target in a worker process that is
    restarted after a crash. Findings (a trap, a documented payload rejected, an unstable
    decode/encode/decode, a cosmetic field that rejects an answer or moves its progress, a
    polling sequence that goes back, an input over its CPU-time budget) are minimized and
    saved as corpus/<api>/findings/<hash>.json; swift test replays them.

    options:
      --target <name>   one target (default: all): \(targetList)
      --seconds <n>     wall time for the whole run (default 10)
      --runs <n>        inputs per target instead of a time budget (reproducible)
      --seed <s>        the random seed, 0 to 2^64-1 (default: a fresh one, printed)
      --shard <i>/<n>   this machine's part of a campaign split n ways (default 0/1)
      --jobs <n>        parallel jobs, one target at a time each (default: the core count)
      --corpus <dir>    the corpus directory (default: corpus)
      --budget-ms <n>   an input that costs more CPU time than this, twice, is a finding
                        (default 250, for a release build; a debug build allows \(debugScale)x)
      --in-process      run in this process, without workers (a trap ends the run)
      -h, --help        print this text

    Ctrl-C stops the workers, prints the summary and every finding file saved so far, and
    exits 130 (143 for SIGTERM, 129 for SIGHUP); a second Ctrl-C stops at once.

    Speed: 'swift run tape fuzz' is a debug build, about ten times slower than
    'swift run -c release tape fuzz'; the summary says which build ran.

    The summary goes to standard error; standard output lists the finding files this run
    saved, one path per line.

    \(ExitStatus.help([
      .success: "no new finding (the goal: the models held)",
      .negative:
        "a new finding (saved in <corpus>/<api>/findings/; commit it, swift test replays it)",
      .usage: "a usage error",
      .unusable: "the --corpus directory is missing or holds no seeds",
      .nothingRan: "a target ran no inputs",
    ], signals: "interrupted (Ctrl-C, SIGTERM, SIGHUP): the summary covers what ran"))
    """

  static let debugScale = Int(BuildKind.debug.budgetScale)

  /// The targets, wrapped under the `--target` line of the help.
  static var targetList: String {
    HelpText.wrap(targetNames, width: 41).joined(
      separator: "\n" + String(repeating: " ", count: 20))
  }

  static var targetNames: String {
    FuzzTargetRegistry.standard.map(\.name).joined(separator: ", ")
  }

  static func run(_ arguments: [String], readInput: (String) throws -> Data) -> CommandOutcome {
    if arguments.first == "replay" {
      return ReplayCommand.run(Array(arguments.dropFirst()), readInput: readInput)
    }
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments,
        valueOptions: [
          "--target", "--seconds", "--runs", "--seed", "--shard", "--jobs", "--corpus",
          "--budget-ms",
        ],
        flagOptions: ["--help", "-h", "--in-process"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.isEmpty else {
      return .usageError("unexpected argument '\(scanner.positionals[0])'", usage: usage)
    }
    let options = scanner.options
    var targets = FuzzTargetRegistry.standard
    if let name = options["--target"] {
      guard let target = FuzzTargetRegistry.target(named: name) else {
        return .usageError("unknown target '\(name)'; expected one of \(targetNames)", usage: usage)
      }
      targets = [target]
    }
    if options["--seconds"] != nil, options["--runs"] != nil {
      return .usageError("give --seconds or --runs, not both", usage: usage)
    }
    var budget = FuzzConfiguration.Budget.seconds(10)
    if let text = options["--seconds"] {
      guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
        return .usageError("--seconds must be a positive number, got '\(text)'", usage: usage)
      }
      budget = .seconds(seconds)
    }
    if let text = options["--runs"] {
      guard let runs = Int(text), runs > 0 else {
        return .usageError("--runs must be a positive integer, got '\(text)'", usage: usage)
      }
      budget = .runs(runs)
    }
    var seed = UInt64.random(in: 0...UInt64.max)
    if let text = options["--seed"] {
      guard let value = UInt64(text) else {
        return .usageError(
          "--seed must be an integer from 0 to 2^64-1, got '\(text)'", usage: usage)
      }
      seed = value
    }
    var shard = Shard.whole
    if let text = options["--shard"] {
      guard let value = Shard(text) else {
        return .usageError("--shard must be i/n with 0 <= i < n, got '\(text)'", usage: usage)
      }
      shard = value
    }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let text = options["--jobs"] {
      guard let value = Int(text), (1...256).contains(value) else {
        return .usageError("--jobs must be from 1 to 256, got '\(text)'", usage: usage)
      }
      jobs = value
    }
    var budgetMilliseconds = 250.0
    if let text = options["--budget-ms"] {
      guard let value = Double(text), value > 0, value.isFinite else {
        return .usageError("--budget-ms must be a positive number, got '\(text)'", usage: usage)
      }
      budgetMilliseconds = value
    }
    let corpus = URL(fileURLWithPath: options["--corpus"] ?? "corpus")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      return .unusable(
        "corpus directory '\(corpus.relativePath)' does not exist (run from the package root, or "
          + "give --corpus <dir>)")
    }
    let seedCount = targets.reduce(0) { $0 + SeedCorpus.seedFiles(of: $1, in: corpus).count }
    guard seedCount > 0 else {
      return .unusable(
        "corpus directory '\(corpus.relativePath)' holds no seeds (expected files such as "
          + "\(corpus.relativePath)/\(targets[0].corpusKey)/seeds/<name>-200.json)")
    }
    let inProcess = scanner.flags.contains("--in-process")
    guard let executable = currentExecutable() else {
      return .failure("cannot find this program's path to start fuzz workers")
    }
    let budgetForWorkers = budgetMilliseconds
    var configuration = FuzzConfiguration(
      targets: targets, seed: seed, shard: shard, budget: budget, jobs: jobs,
      corpusDirectory: corpus, findingsDirectory: corpus
    ) { target in
      if inProcess {
        return InProcessExecutor(target: target, budgetMilliseconds: budgetForWorkers)
      }
      return WorkerExecutor(
        target: target, command: [executable, "fuzz-worker"],
        budgetMilliseconds: budgetForWorkers)
    }
    configuration.shouldStop = { Interruption.isRequested }
    configuration.budgetMilliseconds = budgetMilliseconds
    let printer = ProgressPrinter(isTerminal: isatty(STDERR_FILENO) == 1)
    printer.say(
      "fuzzing \(targets.count) target(s), seed \(seed), shard \(shard), \(jobs) job(s), "
        + "\(describe(budget))\n")
    let reports = FuzzCampaign.run(configuration) { printer.update($0) }
    printer.finish()
    let summary = FuzzSummary.render(
      reports, seed: seed, shard: shard, budgetMilliseconds: budgetMilliseconds)
    let newFindings = reports.reduce(0) { $0 + $1.newFindings }
    let saved = reports.flatMap { report in
      report.files.indices.filter { $0 < report.isNew.count && report.isNew[$0] }.map {
        report.files[$0].relativePath + "\n"
      }
    }.joined()
    if Interruption.isRequested {
      return CommandOutcome(
        status: Interruption.exitStatus, output: saved,
        errorOutput: summary + "interrupted: the summary covers what ran before the stop\n")
    }
    let idle = targets.map(\.name).filter { name in
      reports.first { $0.target == name }.map { $0.executions == 0 } ?? true
    }
    if !idle.isEmpty {
      return CommandOutcome(
        .nothingRan, output: saved,
        errorOutput: summary + "error: target(s) ran no inputs: \(idle.joined(separator: ", "))\n")
    }
    return CommandOutcome(
      newFindings > 0 ? .negative : .success, output: saved, errorOutput: summary)
  }

  private static func describe(_ budget: FuzzConfiguration.Budget) -> String {
    switch budget {
    case .runs(let runs): "\(runs) inputs per target"
    case .seconds(let seconds): "\(seconds.formatted()) s"
    }
  }

  /// This program's absolute path, for spawning workers.
  static func currentExecutable() -> String? {
    SystemProcess.executablePath()
      ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path }
  }
}
