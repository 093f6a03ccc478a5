import CloudProgress
import CloudProgressClient
import Foundation
import PollingFuzz
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Generated sessions served over HTTP on 127.0.0.1 and judged from the server's side, for
/// pollers in other languages (here a URLSession loop, a black box to the server). The
/// server runs on a ``ManualTime``: nothing sleeps, and every gap is the one the test made.
@Suite("Polling fuzz: sessions served over HTTP")
struct SessionServerTests {
  private static func get(_ url: URL) async throws -> (Int, String) {
    let (data, response) = try await URLSession.shared.data(from: url)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  private static let startDate = Date(timeIntervalSince1970: 1_795_046_400)

  /// A server of `sessions` on `time`, judged at stop() (or when the test asks).
  private static func serve(
    _ sessions: [PollingSession], on time: ManualTime, quietAfter: Duration = .seconds(3600)
  ) throws -> SessionServer {
    try SessionServer.start(
      sessions: sessions, quietAfter: quietAfter, elapsed: { time.now },
      sleep: { duration in try await time.sleep(duration) }, startDate: startDate)
  }

  private static func checkURL(_ server: SessionServer, _ index: Int) -> URL {
    server.baseURL.appending(path: "v2/tasks/\(SessionServer.taskID(index))/progress")
  }

  @Test(
    "a client that re-polls at once is judged too fast, and stopping on a running task is giving up"
  )
  func storm() async throws {
    let time = ManualTime()
    let server = try Self.serve(
      [PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: nil))], on: time)
    let url = Self.checkURL(server, 0)
    // Four with no time between them: a storm.
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
    let time = ManualTime()
    let server = try Self.serve(
      [PollingSession(api: .insight, truth: GroundTruth(runningMilliseconds: 300))], on: time)
    let path = "v1/p/resource-package/import-tasks/\(SessionServer.taskID(0))"
    let (first, _) = try await Self.get(server.baseURL.appending(path: path))
    #expect(first == 200)
    // The poller's own wait between polls, above the 1 s floor.
    time.advance(by: .milliseconds(1100))
    let (second, body) = try await Self.get(server.baseURL.appending(path: path))
    #expect(second == 200)
    #expect(body.contains("\"status\":1"))
    let (missing, _) = try await Self.get(server.baseURL.appending(path: "v1/p/import-tasks/other"))
    #expect(missing == 404)
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.conclusion == .finished(.succeeded))
  }

  @Test("a loop that stops at the first 503 (the planted bug over HTTP) gave up without cause")
  func givesUpOnFirst503() async throws {
    let time = ManualTime()
    let server = try Self.serve(
      [
        PollingSession(
          api: .check, truth: GroundTruth(runningMilliseconds: nil),
          faults: [Scheduled(poll: 1, effect: .serverError(status: 503, retryAfterSeconds: nil))])
      ], on: time)
    // As a Python loop that takes any status but 200 for the end.
    var statuses: [Int] = []
    while statuses.last ?? 200 == 200, statuses.count < 10 {
      if !statuses.isEmpty { time.advance(by: .seconds(3)) }
      statuses.append(try await Self.get(Self.checkURL(server, 0)).0)
    }
    #expect(statuses == [200, 503])
    let verdict = try #require(await server.stop().first)
    let violation = verdict.violations.first { $0.oracle == .gaveUpWithoutCause }
    #expect(violation?.message.contains("1 temporary failure in a row") == true, "\(verdict)")
  }

  @Test("a loop that retries a 429 after a fixed 2 s, past a Retry-After HTTP date, is caught")
  func fixedRetryIgnoresRetryAfterDate() async throws {
    let time = ManualTime()
    let server = try Self.serve(
      [
        PollingSession(
          api: .check, truth: GroundTruth(runningMilliseconds: nil),
          faults: [Scheduled(poll: 1, effect: .throttled(.httpDate(secondsAhead: 60)))])
      ], on: time)
    // As a typical script: 2 s between polls, anything but a 200 retried after 2 s too.
    var statuses: [Int] = []
    for _ in 0..<4 {
      if !statuses.isEmpty { time.advance(by: .seconds(2)) }
      statuses.append(try await Self.get(Self.checkURL(server, 0)).0)
    }
    #expect(statuses == [200, 429, 200, 200])
    let verdict = try #require(await server.stop().first)
    let violation = verdict.violations.first { $0.oracle == .ignoredRetryAfter }
    #expect(violation?.message == "polled 2 s after #1 (429) asked for 60 s", "\(verdict)")
  }

  @Test("ProgressClient renews an expired token over HTTP: the sign-in is the session's")
  func tokenRenewalOverHTTP() async throws {
    let time = ManualTime()
    let server = try Self.serve(
      [
        PollingSession(
          api: .check, truth: GroundTruth(runningMilliseconds: 30_000),
          faults: [Scheduled(poll: 2, effect: .tokenExpired)])
      ], on: time)
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: server.baseURL),
      projectID: "0123456789abcdef0123456789abcdef",
      credentials: .passwordToken(
        user: Secret("fuzz-user"), password: Secret("fuzz-password"),
        domain: Secret("fuzz-domain")),
      clock: ClientClock(
        now: {
          let (seconds, attoseconds) = time.now.components
          return Self.startDate.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        },
        sleep: { duration in time.advance(by: duration) }))
    var last: TaskProgress?
    for try await progress in client.poll(
      .check(taskID: SessionServer.taskID(0)), random: SeededGenerator(seed: 1))
    {
      last = progress
    }
    #expect(last?.phase == .succeeded)
    let verdict = try #require(await server.stop().first)
    #expect(verdict.passed, "\(verdict)")
    #expect(verdict.exchanges.count { $0.kind == .identity } == 2, "\(verdict)")
    #expect(verdict.exchanges.count { $0.status == 401 } == 1, "\(verdict)")
  }

  @Test("a session is judged only with no request in flight and after the wait it asked for")
  func judgedOnlyWhenQuiet() async throws {
    let time = ManualTime()
    let server = try Self.serve(
      [
        PollingSession(
          api: .check, truth: GroundTruth(runningMilliseconds: nil),
          faults: [Scheduled(poll: 0, effect: .slowAnswer(milliseconds: 45_000))]),
        PollingSession(
          api: .check, truth: GroundTruth(runningMilliseconds: nil),
          faults: [Scheduled(poll: 0, effect: .throttled(.seconds(120)))]),
      ], on: time, quietAfter: .seconds(10))
    let slow = Task { try await Self.get(Self.checkURL(server, 0)).0 }
    await time.untilSleeping(until: .seconds(45))
    let throttled = try await Self.get(Self.checkURL(server, 1)).0
    #expect(throttled == 429)
    time.advance(by: .seconds(40))
    server.judgeDueSessions()
    #expect(server.judged.isEmpty, "a request in flight for 40 s, a 429 asking for 120 s")
    time.advance(by: .seconds(10))
    #expect(try await slow.value == 200)
    server.judgeDueSessions()
    #expect(server.judged.isEmpty, "just answered; 50 s of the 120 s asked")
    time.advance(by: .seconds(71))
    server.judgeDueSessions()
    #expect(server.judged.count == 2, "quiet 71 s after the answer, 121 s after the 429")
    _ = await server.stop()
  }
}
