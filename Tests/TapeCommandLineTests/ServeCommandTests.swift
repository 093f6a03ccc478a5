import CloudProgress
import Foundation
import Glibc
import Synchronization
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape serve")
struct ServeCommandTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let progressPath = "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"

  @Test(
    "usage errors exit 2 before anything is served; an unreadable cassette exits 1",
    arguments: [
      (["--port", "1"], 2, "error: name at least one cassette file"),
      (
        ["x.json", "--exhaustion", "never"], 2,
        "error: --exhaustion must be one of repeatLast, fail, cycle, got 'never'"
      ),
      (["x.json", "--match-header", ","], 2, "error: --match-header needs header names, got ','"),
      (
        ["x.json", "--port", "http"], 2,
        "error: --port must be a number from 0 to 65535, got 'http'"
      ),
      (["/nonexistent/tape.json"], 1, "error: "),
    ])
  func usage(arguments: [String], status: Int32, message: String) async {
    let outcome = await ServeCommand.run(arguments, print: { _ in }, until: {})
    #expect(outcome.status == status)
    #expect(outcome.errorOutput.hasPrefix(message))
  }

  @Test(
    "the built executable serves a polling sequence to URLSession and curl, a near-miss 404, and exits 1 on Ctrl-C"
  )
  func endToEnd() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let server = try await RunningTape.start([
      "serve", packageRoot.appending(path: "cassettes/check-task-polling.json").path,
    ])
    let base = server.url
    #expect(base.hasPrefix("http://127.0.0.1:"))

    let session = URLSession(configuration: .ephemeral)
    let url = try #require(URL(string: base + progressPath))
    var percents: [Double?] = []
    for _ in 0..<3 {
      let (data, _) = try await session.data(from: url)
      percents.append(try CheckTaskProgress(jsonData: data).taskProgress.percent)
    }
    #expect(percents == [0, 0, 50])
    let answer: Data
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") {
      answer = try await RunningTape.runProgram("/usr/bin/curl", ["-s", base + progressPath])
    } else {
      answer = try await session.data(from: url).0  // a machine without curl
    }
    #expect(try CheckTaskProgress(jsonData: answer).taskProgress.phase == .succeeded)

    let (missBody, missResponse) = try await session.data(
      from: try #require(URL(string: base + "/v2/tasks/other/progress")))
    #expect((missResponse as? HTTPURLResponse)?.statusCode == 404)
    let miss = try JSONSerialization.jsonObject(with: missBody) as? [String: String]
    #expect(miss?["report"]?.contains("Closest recorded interaction: #0") == true)

    let stopped = await server.interrupt()
    #expect(stopped.status == 1)
    let text = stopped.output
    #expect(text.contains("served 4 requests; 1 matched nothing"))
    #expect(text.contains("every interaction was requested"))
  }
}
