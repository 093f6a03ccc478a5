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
  private func get(_ url: URL) async throws -> (Int, String) {
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test(
    "a client that re-polls at once is judged too fast, and stopping on a running task is giving up"
  )
  func storm() async throws {
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: nil))])
    let url = server.baseURL.appending(path: "v2/tasks/\(SessionServer.taskID(0))/progress")
    for _ in 0..<4 {
      let (status, body) = try await get(url)
      #expect(status == 200)
      #expect(body.contains("\"task_status\""))
    }
    let verdicts = await server.stop()
    let verdict = try #require(verdicts.first)
    #expect(verdict.polls == 4)
    #expect(verdict.violations.map(\.oracle).contains(.tooFast), "\(verdict)")
    #expect(verdict.violations.map(\.oracle).contains(.gaveUpWithoutCause), "\(verdict)")
  }

  @Test("a client that waits and stops at the end passes; an unknown task id is a 404")
  func politeClient() async throws {
    let server = try SessionServer.start(
      sessions: [PollingSession(api: .insight, truth: GroundTruth(runningMilliseconds: 300))])
    let path = "v1/p/resource-package/import-tasks/\(SessionServer.taskID(0))"
    let (first, _) = try await get(server.baseURL.appending(path: path))
    #expect(first == 200)
    // The poller's own wait between polls, above the 1 s floor: real time, as any client's.
    try await Task.sleep(for: .milliseconds(1100))
    let (second, body) = try await get(server.baseURL.appending(path: path))
    #expect(second == 200)
    #expect(body.contains("\"status\":1"))
    let (missing, _) = try await get(server.baseURL.appending(path: "v1/p/import-tasks/other"))
    #expect(missing == 404)
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.conclusion == .finished(.succeeded))
  }
}
