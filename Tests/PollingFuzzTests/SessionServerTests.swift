import CloudProgress
import Foundation
import PollingFuzz
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Generated sessions served over HTTP on 127.0.0.1 and judged from the server's side, for
/// pollers in other languages (here a URLSession loop, a black box to the server).
@Suite("Polling fuzz: sessions served over HTTP")
struct SessionServerTests {
  private static func get(_ url: URL) async throws -> (Int, String) {
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test(
    "a client that re-polls at once is judged too fast, and stopping on a running task is giving up"
  )
  func storm() async throws {
    // Judged at stop() only: a loaded machine may leave any gap between two requests.
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: nil))],
      quietAfter: .seconds(3600))
    let url = server.baseURL.appending(path: "v2/tasks/\(SessionServer.taskID(0))/progress")
    // Four at once: a storm, whatever the machine's load.
    let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for _ in 0..<4 { group.addTask { try await Self.get(url) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers.map(\.0) == [200, 200, 200, 200])
    #expect(answers.allSatisfy { $0.1.contains("\"task_status\"") })
    let verdicts = await server.stop()
    let verdict = try #require(verdicts.first)
    #expect(verdict.polls == 4)
    #expect(verdict.violations.map(\.oracle).contains(.tooFast), "\(verdict)")
    #expect(verdict.violations.map(\.oracle).contains(.gaveUpWithoutCause), "\(verdict)")
  }

  @Test("a client that waits and stops at the end passes; an unknown task id is a 404")
  func politeClient() async throws {
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .insight, truth: GroundTruth(runningMilliseconds: 300))],
      quietAfter: .seconds(3600))
    let path = "v1/p/resource-package/import-tasks/\(SessionServer.taskID(0))"
    let (first, _) = try await Self.get(server.baseURL.appending(path: path))
    #expect(first == 200)
    // The poller's own wait between polls, above the 1 s floor: real time, as any client's.
    try await Task.sleep(for: .milliseconds(1100))
    let (second, body) = try await Self.get(server.baseURL.appending(path: path))
    #expect(second == 200)
    #expect(body.contains("\"status\":1"))
    let (missing, _) = try await Self.get(server.baseURL.appending(path: "v1/p/import-tasks/other"))
    #expect(missing == 404)
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.conclusion == .finished(.succeeded))
  }
}
