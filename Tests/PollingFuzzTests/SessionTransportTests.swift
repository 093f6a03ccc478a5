import CloudProgress
import Foundation
import PollingFuzz
import Synchronization
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What a session's transport answers, seen by a poller that reads the wire itself.
@Suite("Polling fuzz: the session's wire")
struct SessionTransportTests {
  /// Sends one poll after `wait` and returns the answer's head, or the error.
  private func answers(
    _ session: PollingSession, waits: [Duration]
  ) async -> [Result<HTTPURLResponse, URLError>] {
    let collected = Collected()
    _ = await PollingFuzz.run(session) { context in
      let request = URLRequest(url: URL(string: "https://fuzz.example/v2/tasks/t/progress")!)
      for wait in waits {
        try await context.clock.sleep(for: wait)
        do {
          collected.add(.success(try await context.transport.send(request).1))
        } catch let error as URLError {
          collected.add(.failure(error))
        }
      }
      return .gaveUp("done reading")
    }
    return collected.values
  }

  @Test("Retry-After as seconds, as an HTTP date on the session's clock, and absent")
  func retryAfterForms() async throws {
    let session = PollingSession(
      api: .check, truth: GroundTruth(runningMilliseconds: nil),
      faults: [
        Scheduled(poll: 0, effect: .throttled(.seconds(7))),
        Scheduled(poll: 1, effect: .throttled(.httpDate(secondsAhead: 30))),
        Scheduled(poll: 2, effect: .throttled(.absent)),
      ])
    let heads = try await answers(session, waits: [.zero, .milliseconds(1500), .seconds(2)])
      .map { try $0.get() }
    #expect(heads.map(\.statusCode) == [429, 429, 429])
    #expect(heads[0].value(forHTTPHeaderField: "Retry-After") == "7")
    #expect(heads[2].value(forHTTPHeaderField: "Retry-After") == nil)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    let date = try #require(heads[1].value(forHTTPHeaderField: "Retry-After"))
    let answeredAt = try #require(heads[1].value(forHTTPHeaderField: "Date"))
    // 1.5 s into the session, 30 s ahead, rounded up to the second: 32 s after the start.
    #expect(
      try #require(formatter.date(from: date)).timeIntervalSince(
        try #require(formatter.date(from: answeredAt))) == 31)
    #expect(answeredAt == formatter.string(from: Date(timeIntervalSince1970: 1_795_046_401)))
  }

  @Test("a dropped connection throws; a cut body throws with the head and half the body")
  func droppedAndTruncated() async throws {
    let session = PollingSession(
      api: .cpts, truth: GroundTruth(runningMilliseconds: nil),
      faults: [
        Scheduled(poll: 0, effect: .droppedConnection),
        Scheduled(poll: 1, effect: .truncatedBody),
      ])
    let results = await answers(session, waits: [.zero, .seconds(1)])
    guard case .failure(let dropped) = results[0], case .failure(let cut) = results[1] else {
      Issue.record("expected two failures, got \(results)")
      return
    }
    #expect(dropped.code == .networkConnectionLost)
    #expect(dropped.partialResponse == nil)
    #expect(cut.code == .networkConnectionLost)
    let head = try #require(cut.partialResponse)
    #expect(head.statusCode == 200)
    let length = try #require(head.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init))
    #expect(cut.partialBody?.count == length / 2)
  }

  @Test("a poller that sends past the poll limit hangs the session, and is judged so")
  func pollLimitIsAHang() async {
    let session = PollingSession(api: .check, truth: GroundTruth(runningMilliseconds: nil))
    let verdict = await PollingFuzz.run(
      session, expectations: Expectations(pollLimit: 50)
    ) { context in
      let request = URLRequest(url: URL(string: "https://fuzz.example/v2/tasks/t/progress")!)
      while true {
        _ = try? await context.transport.send(request)
        try await context.clock.sleep(for: .seconds(2))
      }
    }
    #expect(verdict.conclusion == nil)
    #expect(verdict.polls == 50)
    #expect(verdict.violations.map(\.oracle).contains(.hang))
  }
}

/// Results collected from inside a poller.
private final class Collected: Sendable {
  private let storage = Mutex<[Result<HTTPURLResponse, URLError>]>([])
  func add(_ value: Result<HTTPURLResponse, URLError>) { storage.withLock { $0.append(value) } }
  var values: [Result<HTTPURLResponse, URLError>] { storage.withLock { $0 } }
}
