import Foundation
import JSONTree
import Synchronization
import SystemInterface
import Testing

@testable import Tape
@testable import TapeCommandLine

/// One CLI: data on standard output, reports on standard error; one exit-code table; the
/// same option spellings everywhere. Checked on the built executable, whose two streams are
/// read apart.
@Suite("tape: one CLI")
struct CommandStreamsTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Starts `tape arguments`, reads its standard output until the first line, stops it with
  /// Ctrl-C, and returns its status and both streams.
  static func firstLineThenStop(_ arguments: [String]) async throws
    -> (status: Int32, output: String, errors: String)
  {
    try await offThePool {
      let process = try ChildProcess(RunningTape.binary, arguments)
      var output = ""
      while !output.contains("\n") {
        let chunk = process.output?.availableData ?? Data()
        if chunk.isEmpty { break }
        output += String(decoding: chunk, as: UTF8.self)
      }
      process.send(SIGINT)
      output += String(decoding: process.output?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      let errors = String(
        decoding: process.errors?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
      return (process.waitUntilExit(), output, errors)
    }
  }

  @Test(
    "serve, proxy, simulate and poll-fuzz: standard output is one line a script can parse",
    arguments: [
      (["serve", "cassettes/check-task-polling.json"], "tape serve", "interaction", Int32(0)),
      (
        ["proxy", "--upstream", "simulator", "--cassette", "/tmp/tape-streams-\(UUID()).json"],
        "tape proxy", "Ctrl-C", 0
      ),
      (["simulate"], "tape simulate", "tasks:", 0),
      // Stopped before its session was polled: exit 1, the session never judged.
      (["poll-fuzz", "check", "--sessions", "1"], "tape poll-fuzz", "fuzz-0", 1),
    ])
  func serversPrintTheirAddressAlone(
    arguments: [String], name: String, report: String, status expected: Int32
  ) async throws {
    let resolved = arguments.map {
      $0.hasPrefix("cassettes/") ? packageRoot.appending(path: $0).path : $0
    }
    let (status, output, errors) = try await Self.firstLineThenStop(resolved)
    #expect(status == expected, "\(errors)")
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 && lines[1].isEmpty, "one line on standard output: \(output)")
    let address = try #require(lines.first)
    #expect(address.hasPrefix("\(name) listening on http://127.0.0.1:"), "\(address)")
    #expect(
      address.split(separator: ":").last.flatMap { UInt16($0) } != nil,
      "the line ends with the port: \(address)")
    #expect(errors.contains(report), "the rest is reported on standard error: \(errors)")
  }

  @Test("every command's help ends with its rows of the one exit-status table")
  func exitStatusInEveryHelp() {
    let helps = [
      AuditCommand.usage, DecodeCommand.usage, FuzzCommand.usage, ReplayCommand.usage,
      HARCommand.usage, InspectCommand.usage, PollCommand.usage, PollFuzzCommand.usage,
      ProxyCommand.usage, ServeCommand.usage, SimulateCommand.usage, RecordCommand.usage,
      RecordCommand.maintainerUsage,
    ]
    let heading = "exit status (the same numbers for every command; see tape --help):\n"
    for help in helps {
      guard let table = help.range(of: heading) else {
        Issue.record("no exit-status table: \(help.prefix(40))")
        continue
      }
      let rows = help[table.upperBound...].split(separator: "\n")
        .filter { !$0.hasPrefix("       ") }
      for row in rows {
        let code = row.dropFirst(2).prefix { $0 != " " }
        let known = ExitStatus.allCases.map(\.rawValue.description) + ["129,"]
        #expect(known.contains(String(code)), "\(help.prefix(40)): \(row)")
      }
      #expect(rows.first?.hasPrefix("  0    ") == true, "\(help.prefix(40))")
      #expect(rows.contains { $0.hasPrefix("  2    a usage error") }, "\(help.prefix(40))")
    }
    // The overall help holds every row, each status once.
    for status in ExitStatus.allCases {
      #expect(TapeCommand.usage.contains("  \(status.rawValue)    \(status.meaning.prefix(30))"))
    }
  }

  @Test(
    "a file that cannot be read is exit 3 for every command that reads one",
    arguments: [
      ["inspect", "/nonexistent/c.json"], ["audit", "/nonexistent/c.json"],
      ["decode", "--api", "check", "/nonexistent/c.json"],
      ["har", "export", "/nonexistent/c.json"],
      ["har", "import", "/nonexistent/c.har", "--cassette", "/tmp/never.json"],
      ["fuzz", "replay", "/nonexistent/f.json"], ["serve", "/nonexistent/c.json"],
      ["simulate", "--scenario", "/nonexistent/s.json"],
      ["fuzz", "--corpus", "/nonexistent/corpus", "--runs", "1"],
    ])
  func unreadableInputIsThree(arguments: [String]) async throws {
    let (status, output) = try await RunningTape.run(arguments)
    #expect(status == ExitStatus.unusable.rawValue, "\(arguments): \(output)")
    #expect(output.contains("/nonexistent/"), "the message names the file: \(output)")
  }

  @Test(
    "--name=value is --name value, for every command's value options",
    arguments: [
      (["inspect", "--max-bytes=x", "c.json"], "--max-bytes must be a positive number"),
      (["audit", "--max-bytes=0"], "--max-bytes must be a positive number"),
      (["decode", "--api=s3"], "unknown API 's3'"),
      (["fuzz", "--jobs=0"], "--jobs must be from 1 to 256"),
      (["har", "export", "c.json", "--cassette=y.json"], "export reads the cassette named"),
      (["poll", "check", "t", "--interval=soon"], "--interval must be a number of seconds"),
      (["record", "check", "t", "--interval=soon"], "--interval must be a number of seconds"),
      (
        ["proxy", "--upstream=simulator", "--cassette=x.json", "--record=sometimes"],
        "--record must be one of once, newEpisodes, all"
      ),
      (["serve", "x.json", "--exhaustion=never"], "--exhaustion must be one of"),
      (["simulate", "--port=http"], "--port must be a number"),
      (["poll-fuzz", "check", "--sessions=x"], "--sessions takes a number from 1"),
    ])
  func equalsForm(arguments: [String], message: String) async {
    let outcome = await TapeCommand.main(arguments, print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == 2, "\(arguments): \(outcome.errorOutput)")
    #expect(outcome.errorOutput.contains(message), "\(arguments): \(outcome.errorOutput)")
  }

  @Test("tape --help does not list the maintainers' record all; record all --help explains it")
  func recordAllIsHidden() async {
    #expect(!TapeCommand.usage.contains("record all"))
    #expect(!RecordCommand.usage.contains("record all"))
    let help = await TapeCommand.main(
      ["record", "all", "--help"], print: { _ in }, report: { _ in }, until: {})
    #expect(help.output.hasPrefix("usage: tape record all"))
    #expect(help.output.contains("For the maintainers of Tape"))
  }

  @Test("the README's exit-status table is the one ExitStatus prints")
  func readmeTableIsExitStatus() throws {
    let readme = try String(contentsOf: packageRoot.appending(path: "README.md"), encoding: .utf8)
    for status in ExitStatus.allCases {
      #expect(readme.contains("| \(status.rawValue) | \(status.meaning) |"), "\(status)")
    }
    #expect(readme.contains("| 129, 130, 143 | \(ExitStatus.signalMeaning) |"))
  }

  @Test(
    "JSON on standard output stays JSON: DEL and C1 controls are JSON escapes, never raw",
    arguments: [
      // The body's text is in the archive; the inspection names the file.
      (["har", "export"], #"next line\u0085csi\u009B2J del\u007F"#),
      (["inspect", "--json"], #"c\u0085\u009B.json"#),
    ])
  func jsonOutputStaysValid(command: [String], escaped: String) async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-c1-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "next line\u{85}csi\u{9B}2J del\u{7F}"
    let cassette = Cassette(interactions: [
      Interaction(
        request: RecordedRequest(method: "GET", url: "https://h.example/v1/x"),
        response: RecordedResponse(status: 200, body: RecordedBody(.text(text))))
    ])
    let file = folder.appending(path: "c\u{85}\u{9B}.json")
    try CassetteFile.save(cassette, to: file)
    let output = try await RunningTape.runProgram(
      RunningTape.binary.path, command + [file.path])
    #expect(!output.isEmpty)
    // No raw C1 byte pair (C2 80 to C2 9F) and no DEL reaches the terminal...
    let bytes = Array(output)
    #expect(!bytes.contains(0x7F))
    #expect(!zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
    // ...and the document still parses, holding the same text, escaped.
    _ = try JSONParser().parse(output)
    #expect(String(decoding: output, as: UTF8.self).contains(escaped))
  }

  @Test("--cassette naming a directory is refused before anything is polled (exit 3)")
  func cassetteIsADirectory() async {
    let printed = Mutex("")
    let outcome = await PollCommand.run(
      ["check", "t1", "--endpoint", "simulator", "--cassette", NSTemporaryDirectory()],
      environment: [:], isTerminal: false, print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } })
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput.contains("is a directory: --cassette names the cassette file"))
    #expect(printed.withLock { $0 }.isEmpty, "nothing was polled")
  }
}
