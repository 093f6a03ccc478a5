import Foundation
import Testing

@testable import TapeCommandLine

@Suite("tape fuzz")
struct FuzzCommandTests {
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
    #expect(outcome.output.contains("cpts, insight, quality, drs, check, cpts-error"))
    #expect(TapeCommand.usage.contains("fuzz "))
  }

  @Test("a bounded in-process run prints the summary table and exits 0 without findings")
  func boundedRun() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "fuzz-cmd-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let outcome = TapeCommand.run([
      "fuzz", "--target", "check", "--runs", "200", "--seed", "8", "--in-process",
      "--corpus", directory.path, "--jobs", "1",
    ])
    #expect(outcome.status == 0)
    let lines = outcome.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("target") == true)
    #expect(lines.contains { $0.hasPrefix("check ") && $0.contains(" 200 ") })
    #expect(lines.last == "seed 8, shard 0/1")
  }

  @Test("a new finding is saved and makes the exit status 1")
  func newFindingExitsOne() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "fuzz-new-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    // A budget of a nanosecond makes every input slow: a finding the hardened models allow.
    let arguments = [
      "fuzz", "--target", "check", "--runs", "20", "--seed", "1", "--in-process",
      "--corpus", directory.path, "--budget-ms", "0.000001",
    ]
    let outcome = TapeCommand.run(arguments)
    #expect(outcome.status == 1)
    #expect(outcome.output.contains("new finding \(directory.path)/check/findings/"))
    let saved = try FileManager.default.contentsOfDirectory(
      atPath: directory.appending(path: "check/findings").path)
    #expect(saved.count == 1)
    let again = TapeCommand.run(arguments)
    #expect(again.status == 0)
  }

  @Test("replaying a corrupt finding file is an error naming the file")
  func corruptReplay() throws {
    let file = FileManager.default.temporaryDirectory.appending(path: "bad-finding-\(UUID()).json")
    try Data("{\"format_version\": 1,".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = TapeCommand.run(["fuzz", "replay", file.path])
    #expect(outcome.status == 1)
    #expect(outcome.errorOutput.hasPrefix("error: \(file.path) is not valid JSON: line 1"))
    let missing = TapeCommand.run(["fuzz", "replay", "/nonexistent/finding.json"])
    #expect(missing.status == 1)
    #expect(missing.errorOutput.contains("/nonexistent/finding.json cannot be read"))
  }
}
