import CloudProgress
import Foundation
import PollingFuzz
import Synchronization
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape poll`, a black box polling over HTTP, judged by the polling fuzzer's server; and
/// `tape poll-fuzz`'s arguments.
@Suite("tape poll-fuzz")
struct PollFuzzCommandTests {
  @Test("tape poll against a served session: exit 0, and the server finds nothing to fault")
  func tapePollOverHTTP() async throws {
    // The server's time moves 1.5 s at each reading, whatever the machine's load: two reads
    // per poll (sent, answered), so 1.5 s between an answer and the next poll, above the
    // floor, and the task (3 s long) ends by the second or third poll. tape poll itself
    // sleeps on the real clock; the server judges on this one. Judged at stop() only.
    let time = Mutex(Duration.zero)
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: 3000))],
      quietAfter: .seconds(3600),
      elapsed: {
        time.withLock { now in
          defer { now += .milliseconds(1500) }
          return now
        }
      })
    let outcome = await PollCommand.run(
      [
        "check", SessionServer.taskID(0), "--endpoint", server.baseURL.absoluteString,
        "--seed", "1",
      ],
      environment: [
        "HUAWEICLOUD_SDK_AUTH_TOKEN": "fuzz-token-0",
        "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef",
      ], isTerminal: false, print: { _ in }, report: { _ in })
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.polls >= 2)
  }

  @Test("usage errors name the problem")
  func usage() async {
    let noAPI = await PollFuzzCommand.run([], print: { _ in }, report: { _ in }, until: {})
    #expect(noAPI.status == 2)
    let badSessions = await PollFuzzCommand.run(
      ["check", "--sessions", "none"], print: { _ in }, report: { _ in }, until: {})
    #expect(badSessions.status == 2)
    #expect(badSessions.errorOutput.contains("--sessions"))
    let help = await PollFuzzCommand.run(["--help"], print: { _ in }, report: { _ in }, until: {})
    #expect(help.status == 0)
    #expect(help.output.contains("fuzz-<k>"))
    #expect(help.output.contains("--static-token"))
  }

  @Test("numbers too large for the fuzzer are usage errors that name the option")
  func hugeNumbers() async {
    for (option, value) in [("--sessions", "1e19"), ("--quiet", "1e16"), ("--deadline", "1e300")] {
      let outcome = await PollFuzzCommand.run(
        ["check", option, value], print: { _ in }, report: { _ in }, until: {})
      #expect(outcome.status == 2)
      #expect(outcome.errorOutput.contains(option), "\(outcome.errorOutput)")
    }
  }

  @Test("stopped before any poll, it prints its address, lists the sessions never polled, exits 1")
  func servesUntilStopped() async {
    let printed = Mutex("")
    let reported = Mutex("")
    let outcome = await PollFuzzCommand.run(
      ["check", "--sessions", "2"], print: { text in printed.withLock { $0 += text } },
      report: { text in reported.withLock { $0 += text } }, until: {})
    #expect(outcome.status == 1)
    // Data on standard output: the address line alone (no session was judged).
    let address = printed.withLock { $0 }
    #expect(address.hasPrefix("tape poll-fuzz listening on http://127.0.0.1:"))
    #expect(address.filter { $0 == "\n" }.count == 1, "\(address)")
    #expect(reported.withLock { $0 }.contains("poll the task ids fuzz-0 ... fuzz-1"))
    #expect(outcome.output.isEmpty)
    #expect(outcome.errorOutput.contains("0 of 2 sessions polled"))
    #expect(outcome.errorOutput.contains("never polled, so never judged: fuzz-0, fuzz-1"))
  }

  @Test("the built tape poll-fuzz, interrupted before its sessions were polled, exits 1")
  func builtExecutableExitsOneWhenNotAllPolled() async throws {
    let tape = try await RunningTape.start(["poll-fuzz", "check", "--sessions", "3"])
    #expect(tape.url.hasPrefix("http://127.0.0.1:"))
    let (answer, _) = try await URLSession.shared.data(
      from: try #require(URL(string: tape.url + "/v2/tasks/fuzz-1/progress")))
    #expect(String(decoding: answer, as: UTF8.self).contains("task_status"))
    let (status, output) = await tape.interrupt()
    #expect(status == 1, "\(output)")
    #expect(output.contains("1 of 3 sessions polled"), "\(output)")
    #expect(output.contains("never polled, so never judged: fuzz-0, fuzz-2"), "\(output)")
  }
}
