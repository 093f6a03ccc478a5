import CloudSimulator
import Foundation
import Synchronization
import SystemInterface
import Testing

@testable import TapeCommandLine

@Suite("tape poll")
struct PollCommandTests {
  /// Runs `tape poll` in process with `environment`; returns the outcome, what it printed
  /// as data (standard output) and what it reported (standard error) as it went.
  func poll(_ arguments: [String], environment: [String: String] = [:]) async
    -> (CommandOutcome, String, String)
  {
    let printed = Mutex("")
    let reported = Mutex("")
    let outcome = await PollCommand.run(
      arguments, environment: environment, isTerminal: false,
      print: { text in printed.withLock { $0 += text } },
      report: { text in reported.withLock { $0 += text } })
    return (outcome, printed.withLock { $0 }, reported.withLock { $0 })
  }

  @Test("a task on the built-in simulator finishes: one line a poll, exit 0")
  func succeeds() async {
    let (outcome, printed, reported) = await poll([
      "check", "t1", "--endpoint", "simulator", "--interval", "0.01", "--seed", "7",
    ])
    #expect(outcome.status == 0)
    #expect(outcome.output == "check t1 succeeded after 3 polls\n")
    #expect(outcome.errorOutput == "")
    // Data (standard output): one line a poll. The simulator's address is a report.
    let lines = printed.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(reported.hasPrefix("simulator on http://127.0.0.1:"))
    #expect(lines[0].contains("check t1: running 0%: running (next poll in "))
    #expect(lines[2].hasSuffix("check t1: succeeded 100%: success"))
  }

  @Test("on a terminal, one line is rewritten in place")
  func liveLine() async {
    let printed = Mutex("")
    let outcome = await PollCommand.run(
      ["drs", "j", "--endpoint", "simulator", "--interval", "0.01", "--seed", "4"],
      environment: [:], isTerminal: true, print: { text in printed.withLock { $0 += text } },
      report: { _ in })
    #expect(outcome.status == 0)
    let text = printed.withLock { $0 }
    let rewrites = text.components(separatedBy: "\r\u{1B}[2K").dropFirst()
    // Three snapshots, plus a countdown redraw at the end of each of the two waits, which
    // says the poll is out (never "next poll in 0.0s").
    #expect(rewrites.count == 5)
    #expect(rewrites.dropLast().allSatisfy { !$0.contains("\n") })
    #expect([0, 2].allSatisfy { rewrites[rewrites.startIndex + $0].contains("(next poll in ") })
    #expect([1, 3].allSatisfy { rewrites[rewrites.startIndex + $0].hasSuffix("(polling)") })
    #expect(!text.contains("next poll in 0.0s"))
    #expect(rewrites.last?.hasSuffix("drs j: succeeded 100%: 40 rows parsed\n") == true)
  }

  @Test(
    "a task that does not succeed exits 1 and says how it ended",
    arguments: [
      (["check", "c", "--outcome", "stop"], "check c ended: stopped after 3 polls\n"),
      (["check", "c", "--outcome", "fail"], "check c ended: failed after 3 polls\n"),
      (
        ["insight", "i", "--outcome", "partial"],
        "insight i ended: partiallySucceeded after 3 polls\n"
      ),
      (["quality", "q", "--outcome", "timeOut"], "quality q ended: timedOut after 3 polls\n"),
      (["cpts", "--outcome", "fail"], "cpts ended: failed after 3 polls\n"),
    ])
  func endsOtherwise(_ arguments: [String], _ summary: String) async {
    let (outcome, _, _) = await poll(
      arguments + ["--endpoint", "simulator", "--interval", "0.01", "--seed", "1"])
    #expect(outcome.status == 1)
    #expect(outcome.output == summary)
  }

  @Test("a passed deadline exits 4 with the last snapshot")
  func deadline() async {
    let (outcome, _, _) = await poll([
      "drs", "j", "--endpoint", "simulator", "--deadline", "0", "--seed", "1",
    ])
    #expect(outcome.status == 4)
    #expect(
      outcome.errorOutput.hasPrefix("error: deadline of 0.0 seconds passed; last seen: running"))
    #expect(outcome.output == "")
  }

  @Test(
    "usage errors exit 2",
    arguments: [
      ([], "error: no API given"),
      (["nope"], "error: unknown API 'nope': use one of cpts, insight, quality, drs, check"),
      (["check"], "error: check needs a task id"),
      (["insight", "i"], "error: insight needs --workspace"),
      (
        ["check", "c", "--interval", "soon"],
        "error: --interval must be a number of seconds, got 'soon'"
      ),
      (["check", "c", "--outcome", "fail"], "error: --outcome needs --endpoint simulator"),
      (
        ["check", "c", "--endpoint", "http://x", "--region", "r"],
        "error: give --endpoint or --region, not both"
      ),
    ])
  func usageErrors(_ arguments: [String], _ message: String) async {
    let (outcome, printed, _) = await poll(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errorOutput.hasPrefix(message + "\n\nusage: tape poll"))
    #expect(printed == "")
  }

  @Test("without an endpoint or credentials it names the variables to set")
  func missingEnvironment() async {
    let (outcome, _, _) = await poll(["check", "c"])
    #expect(outcome.status == 2)
    #expect(
      outcome.errorOutput.hasPrefix(
        "error: cannot poll without an endpoint and credentials: configuration: set "
          + "HUAWEICLOUD_SDK_REGION (or HUAWEICLOUD_SDK_ENDPOINT), HUAWEICLOUD_SDK_PROJECT_ID, "
          + "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_SDK_AUTH_TOKEN)"))
  }

  @Test("a refused signature: exit 1, the error and request id on stderr, never the secret")
  func refusedSignature() async throws {
    let simulator = try CloudSimulator.start(
      scenario: SimulatorScenario(tasks: [TaskScript(api: .check, id: "c")]))
    let (outcome, _, _) = await poll(
      ["check", "c", "--interval", "0.01"],
      environment: [
        "HUAWEICLOUD_SDK_ENDPOINT": simulator.baseURL.absoluteString,
        "HUAWEICLOUD_SDK_PROJECT_ID": "p", "HUAWEICLOUD_SDK_AK": "AK-cli-7e1f",
        "HUAWEICLOUD_SDK_SK": "SK-cli-secret-93b2",
      ])
    await simulator.stop()
    #expect(outcome.status == 1)
    #expect(outcome.errorOutput.hasPrefix("error: check: HTTP 401 APIG.0301: "))
    #expect(outcome.errorOutput.contains("(request 0000"))
    #expect(!outcome.errorOutput.contains("SK-cli-secret-93b2"))
    #expect(!outcome.errorOutput.contains("AK-cli-7e1f"))
  }

  @Test("the built executable polls the simulator to the end")
  func executable() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: RunningTape.binary.path),
      "no tape at \(RunningTape.binary.path)")
    let (status, text) = try await RunningTape.run([
      "poll", "check", "t", "--endpoint", "simulator", "--interval", "0.01", "--seed", "2",
    ])
    #expect(status == 0)
    #expect(text.hasSuffix("check t succeeded after 3 polls\n"))
    #expect(!text.contains("\u{1B}"), "plain lines, no terminal control, into a pipe")
  }

  @Test("through a pseudo-terminal, the built executable rewrites one live line in place")
  func executableOnATerminal() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let (status, bytes) = try await offThePool { try Self.pollOnATerminal() }
    #expect(status == 0)
    let text = String(decoding: bytes, as: UTF8.self)
    let rewrites = text.components(separatedBy: "\r\u{1B}[2K").dropFirst()
    #expect(rewrites.count >= 3, "\(text.debugDescription)")
    #expect(rewrites.dropLast().allSatisfy { !$0.contains("\n") })
    #expect(text.contains("drs j: succeeded 100%: 40 rows parsed"))
  }

  /// Runs `tape poll` with a pseudo-terminal as its standard output; returns its exit
  /// status and what the terminal received.
  private static func pollOnATerminal() throws -> (Int32, [UInt8]) {
    var controller: Int32 = -1
    var terminal: Int32 = -1
    guard openpty(&controller, &terminal, nil, nil, nil) == 0 else {
      throw POSIXError(.ENOTTY)
    }
    defer { close(controller) }
    let process = try ChildProcess(
      RunningTape.binary,
      ["poll", "drs", "j", "--endpoint", "simulator", "--interval", "0.01", "--seed", "4"],
      output: .descriptor(terminal), errors: .null)
    close(terminal)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(controller, &buffer, buffer.count)
      guard count > 0 else { break }  // EIO once the program has closed the terminal
      bytes += buffer[0..<count]
    }
    return (process.waitUntilExit(), bytes)
  }
}

@Suite("tape poll: the wait it shows")
struct PollWaitTextTests {
  @Test(
    "seconds with a tenth, milliseconds under a second (rounded up), 'polling' once it is over",
    arguments: [
      (Duration.seconds(2.44), "next poll in 2.4s"), (.seconds(1), "next poll in 1.0s"),
      (.milliseconds(999), "next poll in 999ms"), (.microseconds(10), "next poll in 1ms"),
      (.zero, "polling"), (.milliseconds(-5), "polling"),
    ])
  func describe(wait: Duration, text: String) {
    #expect(LiveLine.describe(wait) == text)
  }
}
