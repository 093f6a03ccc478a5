import CloudProgress
import Foundation
import PollingFuzz
import Synchronization
import Testing

@testable import TapeCommandLine

/// `tape poll`, a black box polling over HTTP, judged by the polling fuzzer's server; and
/// `tape poll-fuzz`'s arguments.
@Suite("tape poll-fuzz")
struct PollFuzzCommandTests {
  @Test("tape poll against a served session: exit 0, and the server finds nothing to fault")
  func tapePollOverHTTP() async throws {
    // Judged at stop() only: a loaded machine may leave any gap between two requests.
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: 500))],
      quietAfter: .seconds(3600))
    let outcome = await PollCommand.run(
      [
        "check", SessionServer.taskID(0), "--endpoint", server.baseURL.absoluteString,
        "--seed", "1",
      ],
      environment: [
        "HUAWEICLOUD_SDK_AUTH_TOKEN": "fuzz-token-0",
        "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef",
      ], isTerminal: false, print: { _ in })
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.polls >= 2)
  }

  @Test("usage errors name the problem")
  func usage() async {
    let noAPI = await PollFuzzCommand.run([], print: { _ in }, until: {})
    #expect(noAPI.status == 2)
    let badSessions = await PollFuzzCommand.run(
      ["check", "--sessions", "none"], print: { _ in }, until: {})
    #expect(badSessions.status == 2)
    #expect(badSessions.errorOutput.contains("--sessions"))
    let help = await PollFuzzCommand.run(["--help"], print: { _ in }, until: {})
    #expect(help.status == 0)
    #expect(help.output.contains("fuzz-<k>"))
  }

  @Test("stopped at once, it serves, prints its address and judges nothing")
  func servesUntilStopped() async {
    let printed = Mutex("")
    let outcome = await PollFuzzCommand.run(
      ["check", "--sessions", "2"], print: { text in printed.withLock { $0 += text } },
      until: {})
    #expect(outcome.status == 0)
    #expect(printed.withLock { $0 }.contains("http://127.0.0.1:"))
    #expect(outcome.output.contains("0 of 2 sessions polled"))
  }
}
