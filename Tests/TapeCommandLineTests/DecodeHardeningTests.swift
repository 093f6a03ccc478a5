import DecoderFuzz
import Foundation
import Testing

@testable import TapeCommandLine

/// `tape decode` with hostile input: control characters, endless standard input, directories.
@Suite("tape decode: hostile input")
struct DecodeHardeningTests {
  @Test("control characters from the payload are printed escaped, in output and errors")
  func escapesControlCharacters() {
    let payload =
      "{\"task_status\": 0, \"progress\": {\"ratio\": \"5%\", \"info\": \"\\u001b]0;pwned\\u0007\\u0000\\u009b2J\"}}"
    let outcome = TapeCommand.run(["decode", "--api", "check", "-"]) { _ in Data(payload.utf8) }
    #expect(outcome.status == 0)
    #expect(!outcome.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!outcome.output.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    #expect(outcome.output.contains(#"\u{1B}]0;pwned\u{7}\u{0}\u{9B}2J"#))
    let refused = TapeCommand.run(["decode", "--api", "check", "-"]) { _ in
      Data("{\"task_status\": \"\u{1B}[31m\"".utf8)
    }
    #expect(refused.status == 1)
    #expect(!refused.errorOutput.contains("\u{1B}"))
    let name = TapeCommand.run(["decode", "--api", "check", "/tmp/\u{1B}[2Jno-such-file"])
    #expect(name.errorOutput == "error: cannot read /tmp/\\u{1B}[2Jno-such-file: no such file\n")
  }

  @Test("a directory is refused with a sentence")
  func directory() {
    let outcome = TapeCommand.run(["decode", "--api", "check", "/tmp"])
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput == "error: cannot read /tmp: it is a directory, not a file\n")
  }

  @Test("the built executable stops reading endless standard input at --max-bytes")
  func standardInputIsCapped() async throws {
    let (status, message) = try await offThePool {
      let zero = open("/dev/zero", O_RDONLY | O_CLOEXEC)
      defer { close(zero) }
      let process = try ChildProcess(
        SimulateProcessTests.binary, ["decode", "--api", "check", "--max-bytes", "1000000"],
        input: .descriptor(zero), output: .null)
      let message = String(
        decoding: process.errors?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      return (process.waitUntilExit(), message)
    }
    #expect(status == 3)
    #expect(
      message
        == "error: cannot read standard input: it is larger than the limit of 1000000 bytes (raise the limit with --max-bytes <n>)\n"
    )
  }

  @Test("--max-bytes must be positive")
  func maxBytesFlag() {
    let outcome = TapeCommand.run(["decode", "--api", "check", "--max-bytes", "0"])
    #expect(outcome.status == 2)
    #expect(outcome.errorOutput.hasPrefix("error: --max-bytes must be a positive number of bytes"))
  }

  @Test("100,000-deep nesting is reported as nested deeper than 512, without a long path")
  func deepNesting() async throws {
    let payload = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let outcome = try await offThePool {
      TapeCommand.run(["decode", "--api", "check", "-"]) { _ in Data(payload.utf8) }
    }
    #expect(outcome.status == 1)
    #expect(
      outcome.errorOutput
        == "error: standard input is nested deeper than 512 levels (at line 1, column 513); "
        + "Tape does not decode it\n")
  }
}

@Suite("tape: help and version")
struct HelpAndVersionTests {
  @Test(
    "every command's --help lists its exit codes",
    arguments: [
      ["--help"], ["decode", "--help"], ["fuzz", "--help"], ["fuzz", "replay", "--help"],
      ["simulate", "--help"], ["poll", "--help"], ["serve", "--help"], ["proxy", "--help"],
      ["inspect", "--help"], ["har", "--help"], ["record", "--help"], ["audit", "--help"],
    ])
  func helpHasExitCodes(arguments: [String]) async {
    let outcome = await TapeCommand.main(arguments, print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == 0)
    #expect(outcome.output.lowercased().contains("exit status"), "\(outcome.output)")
  }

  @Test(
    "--version, at the top level and after a command",
    arguments: [
      ["--version"], ["decode", "--version"], ["simulate", "--version"], ["poll", "--version"],
      ["serve", "--version"], ["har", "--version"],
    ])
  func version(arguments: [String]) async {
    let outcome = await TapeCommand.main(arguments, print: { _ in }, report: { _ in }, until: {})
    #expect(outcome == CommandOutcome(status: 0, output: "tape 0.1.0\n", errorOutput: ""))
  }
}

@Suite("tape fuzz replay: sentences")
struct ReplaySentenceTests {
  @Test(
    "today's outcome is a sentence",
    arguments: [
      (
        ExecutionOutcome.rejected(signature: "dataCorrupted "),
        "refused with dataCorrupted at the root, as invalid input should be."
      ),
      (
        .rejected(signature: "typeMismatch /json/details/*/status"),
        "refused with typeMismatch at /json/details/*/status, as invalid input should be."
      ),
      (
        .accepted(signature: "queued %"),
        "decoded, and every check held (behaviour: queued, no ratio)."
      ),
    ])
  func sentences(outcome: ExecutionOutcome, text: String) {
    #expect(ReplayCommand.sentence(for: outcome) == text)
  }
}

@Suite("tape decode: big payloads")
struct DecodeBigPayloadTests {
  @Test("a huge string field is never printed whole; a huge array shows 20 elements")
  func bigPayloads() async throws {
    // Off the concurrency pool: seconds of decoding in a debug build would hold a pool
    // thread that other tests' servers answer on.
    let info = String(repeating: "x", count: 2_000_000)
    let big = try await offThePool {
      TapeCommand.run(["decode", "--api", "check", "-"]) { _ in
        Data(#"{"task_status": 0, "progress": {"ratio": "50%", "info": "\#(info)"}}"#.utf8)
      }
    }
    #expect(big.status == 0)
    #expect(big.output.utf8.count < 6_000)
    #expect(big.output.contains(#"info: unknown "xxxx"#))
    #expect(big.output.contains("more bytes not shown)"))
    let details = (0..<1_000).map { #"{"id": \#($0), "status": 0}"# }.joined(separator: ",")
    let many = try await offThePool {
      TapeCommand.run(["decode", "--api", "cpts", "-"]) { _ in
        Data(#"{"json": {"process_status": 0, "details": [\#(details)]}}"#.utf8)
      }
    }
    #expect(many.status == 0)
    #expect(many.output.contains("details: 1000 element(s)"))
    #expect(many.output.contains("[19]:"))
    #expect(!many.output.contains("[20]:"))
    #expect(many.output.contains("... 980 more element(s) not shown"))
  }
}
