import DecoderFuzz
import Foundation
import SystemInterface
import Testing

@testable import TapeCommandLine

@Suite("tape fuzz")
struct FuzzCommandTests {
  /// A fresh corpus directory holding the package's check seeds (no findings).
  static func corpusWithSeeds(_ name: String) throws -> URL {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let directory = FileManager.default.temporaryDirectory.appending(path: "\(name)-\(UUID())")
    try FileManager.default.createDirectory(
      at: directory.appending(path: "check"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: root.appending(path: "corpus/check/seeds"),
      to: directory.appending(path: "check/seeds"))
    return directory
  }

  @Test(
    "bad flags print the usage and exit 2",
    arguments: [
      ["fuzz", "--runs", "0"], ["fuzz", "--seconds", "-1"],
      ["fuzz", "--runs", "5", "--seconds", "1"],
      ["fuzz", "--shard", "3/2"], ["fuzz", "--shard", "x"], ["fuzz", "--seed", "-4"],
      ["fuzz", "--jobs", "0"], ["fuzz", "--target", "nope"], ["fuzz", "--bogus"],
      ["fuzz", "stray"], ["fuzz", "replay"], ["fuzz", "replay", "a", "b"],
    ])
  func usageErrors(arguments: [String]) {
    let outcome = TapeCommand.run(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errorOutput.hasPrefix("error: "))
    #expect(outcome.errorOutput.contains("usage: tape fuzz"))
    #expect(outcome.output == "")
  }

  @Test("--help prints the usage, which lists every target")
  func help() {
    let outcome = TapeCommand.run(["fuzz", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("--shard <i>/<n>"))
    let help = outcome.output.replacingOccurrences(
      of: "\n" + String(repeating: " ", count: 20), with: " ")
    for target in FuzzTargetRegistry.standard {
      #expect(help.contains(" \(target.name),") || help.contains(" \(target.name)\n"))
    }
    #expect(TapeCommand.usage.contains("fuzz "))
  }

  @Test("the summary's legend names the build that ran, and its CPU-time budget")
  func legendNamesTheBuild() {
    let release = FuzzSummary.render([], seed: 1, shard: .whole, build: .release)
    #expect(release.contains("\nBuild: release.\n"))
    #expect(!release.contains("debug"))
    #expect(release.contains("\nBudget: 250 ms of CPU time per input.\n"))
    let debug = FuzzSummary.render([], seed: 1, shard: .whole, build: .debug)
    #expect(debug.contains("\nBuild: debug (as 'swift run' makes)"))
    let scaled = Int(250 * BuildKind.debug.budgetScale)
    #expect(
      debug.contains("\nBudget: 250 ms (\(scaled) ms in a debug build) of CPU time per input"))
  }

  @Test("a bounded in-process run prints the summary table and exits 0 without findings")
  func boundedRun() throws {
    let directory = try Self.corpusWithSeeds("fuzz-cmd")
    defer { try? FileManager.default.removeItem(at: directory) }
    let outcome = TapeCommand.run([
      "fuzz", "--target", "check", "--runs", "200", "--seed", "8", "--in-process",
      // The default budget: it is CPU time, which a loaded machine does not stretch.
      "--corpus", directory.path, "--jobs", "1",
    ])
    #expect(outcome.status == 0)
    // The summary is a report (standard error); standard output lists saved findings: none.
    #expect(outcome.output == "")
    let lines = outcome.errorOutput.split(separator: "\n")
    #expect(lines.first?.hasPrefix("target") == true)
    #expect(lines.contains { $0.hasPrefix("check ") && $0.contains(" 200 ") })
    #expect(lines.contains("seed 8, shard 0/1"))
    #expect(outcome.errorOutput.contains("Zero findings is\nthe good outcome."))
    #expect(outcome.errorOutput.contains("<corpus>/<api>/findings/<hash>.json"))
  }

  @Test("a new finding is saved and makes the exit status 1")
  func newFindingExitsOne() throws {
    let directory = try Self.corpusWithSeeds("fuzz-new")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A budget of a nanosecond makes every input slow: a finding the hardened models allow.
    let arguments = [
      "fuzz", "--target", "check", "--runs", "20", "--seed", "1", "--in-process",
      "--corpus", directory.path, "--budget-ms", "0.000001",
    ]
    let outcome = TapeCommand.run(arguments)
    #expect(outcome.status == 1)
    #expect(outcome.errorOutput.contains("new finding \(directory.path)/check/findings/"))
    let saved = try FileManager.default.contentsOfDirectory(
      atPath: directory.appending(path: "check/findings").path)
    #expect(saved.count == 1)
    // Standard output is the list of the files saved, one path per line, for a script.
    #expect(outcome.output == "\(directory.path)/check/findings/\(saved[0])\n")
    let again = TapeCommand.run(arguments)
    #expect(again.status == 0)
  }

  @Test("replaying a corrupt finding file is an error naming the file")
  func corruptReplay() throws {
    let file = FileManager.default.temporaryDirectory.appending(path: "bad-finding-\(UUID()).json")
    try Data("{\"format_version\": 1,".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = TapeCommand.run(["fuzz", "replay", file.path])
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput.hasPrefix("error: \(file.path) is not valid JSON: line 1"))
    let missing = TapeCommand.run(["fuzz", "replay", "/nonexistent/finding.json"])
    #expect(missing.status == 3)
    #expect(missing.errorOutput.contains("/nonexistent/finding.json cannot be read"))
  }
}

@Suite("tape fuzz: corpus, jobs and Ctrl-C")
struct FuzzHardeningTests {
  @Test("a --corpus that is missing or holds no seeds is unusable input (exit 3)")
  func corpusRequired() throws {
    let missing = TapeCommand.run([
      "fuzz", "--target", "check", "--runs", "5", "--corpus", "/nonexistent/tape-corpus",
    ])
    #expect(missing.status == 3)
    #expect(
      missing.errorOutput.hasPrefix(
        "error: corpus directory '/nonexistent/tape-corpus' does not exist"))
    let empty = FileManager.default.temporaryDirectory.appending(path: "empty-corpus-\(UUID())")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    let seedless = TapeCommand.run([
      "fuzz", "--target", "check", "--runs", "5", "--corpus", empty.path,
    ])
    #expect(seedless.status == 3)
    #expect(
      seedless.errorOutput.hasPrefix("error: corpus directory '\(empty.path)' holds no seeds"))
  }

  // A load test, opt-in like SlowClientTests: `TAPE_LOAD_TESTS=1 swift test --filter
  // FuzzHardeningTests`.
  @Test(
    "--jobs far above the core count still runs every target",
    .enabled(if: ProcessInfo.processInfo.environment["TAPE_LOAD_TESTS"] == "1"))
  func manyJobs() async throws {
    // The campaign's scheduling alone, with an executor that does no work: 64 jobs on this
    // machine's cores, a time budget, every target must run (no CPU taken from other tests).
    struct Idle: FuzzExecutor {
      let target: FuzzTarget
      mutating func run(_ inputs: [[UInt8]]) -> [ExecutionOutcome] {
        inputs.map { _ in .accepted(signature: "idle") }
      }
    }
    let corpus = try FuzzCommandTests.corpusWithSeeds("fuzz-jobs")
    defer { try? FileManager.default.removeItem(at: corpus) }
    let reports = try await offThePool {
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: FuzzTargetRegistry.standard, seed: 3, budget: .seconds(0.5), jobs: 64,
          corpusDirectory: corpus, findingsDirectory: nil
        ) { Idle(target: $0) })
    }
    #expect(reports.count == FuzzTargetRegistry.standard.count)
    for report in reports {
      #expect(report.executions > 0, "\(report.target) ran nothing")
    }
  }

  @Test(
    "the built executable: Ctrl-C prints the summary and exits 130; no worker crashed",
    .timeLimit(.minutes(1)))  // a fuzzer that ignored Ctrl-C would run its 600 s
  func interruptPrintsSummary() async throws {
    let corpus = try FuzzCommandTests.corpusWithSeeds("fuzz-int")
    defer { try? FileManager.default.removeItem(at: corpus) }
    let (status, summary) = try await offThePool {
      let process = try ChildProcess(
        SimulateProcessTests.binary,
        [
          "fuzz", "--target", "check", "--seconds", "600", "--seed", "5", "--corpus", corpus.path,
        ], ownProcessGroup: true)
      // A progress line with inputs run (one every 5 s) shows the workers are running.
      var progress = ""
      func inputsRun() -> Bool {
        progress.split(separator: "\n").contains {
          $0.contains(" execs, ") && !$0.contains(": 0 execs")
        }
      }
      while !inputsRun() {
        let data = process.errors?.availableData ?? Data()
        if data.isEmpty { break }
        progress += String(decoding: data, as: UTF8.self)
      }
      // Ctrl-C at a terminal signals the whole foreground process group.
      process.sendToGroup(SIGINT)
      // The summary is a report: standard error, after the progress lines.
      let rest = String(
        decoding: process.errors?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      let summary =
        rest.range(of: "\ntarget ").map { String(rest[rest.index(after: $0.lowerBound)...]) }
        ?? rest
      return (process.waitUntilExit(), summary)
    }
    #expect(status == 130)
    #expect(summary.hasPrefix("target"))
    #expect(summary.contains("seed 5, shard 0/1"))
    // Workers run in a process group of their own, so Ctrl-C never kills one mid-input: a
    // worker that died of it would read as a crash (a trap) or a hang of that input.
    let crashes = summary.split(separator: "\n").filter {
      $0.contains(" finding ") && ($0.contains("]: trap") || $0.contains("]: hang"))
    }
    #expect(crashes.isEmpty, "a worker stopped by Ctrl-C is no crash finding: \(crashes)")
  }
}

@Suite("tape fuzz replay: budget and exit codes")
struct ReplayBudgetTests {
  @Test("a slow finding replays under the budget it was recorded with: still reproduces, exit 1")
  func keepsBudget() async throws {
    let corpus = try FuzzCommandTests.corpusWithSeeds("fuzz-replay")
    defer { try? FileManager.default.removeItem(at: corpus) }
    @Sendable func tape(_ arguments: [String]) throws -> (Int32, String) {
      let process = try ChildProcess(SimulateProcessTests.binary, arguments, errors: .null)
      let text = String(
        decoding: process.output?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      return (process.waitUntilExit(), text)
    }
    // A budget of a nanosecond makes every input slow.
    let (status, _) = try await offThePool {
      try tape([
        "fuzz", "--target", "check", "--runs", "5", "--seed", "1", "--corpus", corpus.path,
        "--budget-ms", "0.000001",
      ])
    }
    #expect(status == 1)
    let findings = corpus.appending(path: "check/findings")
    let names = try FileManager.default.contentsOfDirectory(atPath: findings.path)
    let file = try #require(names.first.map { findings.appending(path: $0) })
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(
      text.contains(#""budget_ms": 1e-06"#) || text.contains(#""budget_ms": 0.000001"#), "\(text)")
    #expect(text.contains(#""formatVersion": 1"#))
    let (replayed, printed) = try await offThePool { try tape(["fuzz", "replay", file.path]) }
    #expect(replayed == 1, "\(printed)")
    #expect(printed.hasSuffix("still reproduces\n"))
  }
}
