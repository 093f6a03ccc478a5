import DecoderFuzz
import Foundation
import Tape

/// `tape fuzz replay <file>`: runs a saved finding's input through its target again, in a
/// worker, and prints what it does now.
enum ReplayCommand {
  static let usage = """
    usage: tape fuzz replay <finding-file>

    Runs the input of a finding file (corpus/<api>/findings/<hash>.json) through its target
    in a worker process, with the time budget the finding was recorded with (250 ms for
    files that do not say), and prints the recorded outcome and today's.

    \(ExitStatus.help([
      .success: "the finding no longer reproduces (fixed)",
      .negative: "it still reproduces",
      .usage: "a usage error",
      .unusable: "the file cannot be read or is not a finding file (the message says why)",
    ]))
    """

  static func run(_ arguments: [String], readInput: (String) throws -> Data) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(arguments, valueOptions: [], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.count == 1 else {
      return .usageError("expected one finding file", usage: usage)
    }
    let path = scanner.positionals[0]
    do {
      // A file that cannot be read is named with the system's reason, in one sentence.
      _ = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      return .unusable("\(path) cannot be read: \(FileProblem.sentence(for: error))")
    }
    let finding: Finding
    do {
      finding = try FindingStore.load(URL(fileURLWithPath: path))
    } catch {
      return .unusable("\(error)")
    }
    guard let target = FuzzTargetRegistry.target(named: finding.target) else {
      return .unusable("\(path) names an unknown target '\(finding.target)'")
    }
    guard let executable = FuzzCommand.currentExecutable() else {
      return .failure("cannot find this program's path to start a fuzz worker")
    }
    let budget = finding.budgetMilliseconds ?? 250
    let executor = WorkerExecutor(
      target: target, command: [executable, "fuzz-worker"], budgetMilliseconds: budget)
    let outcome = executor.run([finding.input]).first
    let reproduces = outcome?.finding?.findingClass == finding.report.findingClass
    let text = """
      finding: \(path)
      target: \(finding.target)
      input: \(finding.input.count) bytes (from \(finding.originalSize)), \
      seed \(finding.seed), shard \(finding.shard), input \(finding.iteration)
      mutations: \(finding.mutations.map(\.description).joined(separator: "; "))
      budget: \(budget.formatted()) ms per input
      recorded: \(finding.report)
      now: \(outcome.map(sentence(for:)) ?? "the worker gave no outcome.")
      \(reproduces ? "still reproduces" : "fixed: no longer reproduces")

      """
    return CommandOutcome(status: reproduces ? 1 : 0, output: text, errorOutput: "")
  }

  /// Today's outcome as a sentence: `rejected (dataCorrupted )` reads as "refused with
  /// dataCorrupted at the root, as invalid input should be."
  static func sentence(for outcome: ExecutionOutcome) -> String {
    switch outcome {
    case .accepted(let signature):
      let behaviour = signature.trimmingCharacters(in: .whitespaces)
      let shown = behaviour.replacing(" %", with: ", no ratio")
      return "decoded, and every check held" + (behaviour.isEmpty ? "." : " (behaviour: \(shown)).")
    case .rejected(let signature):
      let parts = signature.split(separator: " ", maxSplits: 1).map(String.init)
      let kind = parts.first ?? "an error"
      let place = parts.count > 1 && !parts[1].isEmpty ? "at \(parts[1])" : "at the root"
      return "refused with \(kind) \(place), as invalid input should be."
    case .finding(let report):
      return "a finding: \(report)."
    }
  }
}
