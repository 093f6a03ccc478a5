import Foundation
import Synchronization
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// On the real clock, a URLSession replay waits off URLSession's shared queue: a delayed
/// answer holds up no other request, as on the network. The tests hold the wait themselves
/// (a clock whose scheduled work runs when the test says), so nothing depends on the
/// machine's speed.
@Suite("URLSession replay waits off the shared queue")
struct SessionWaitTests {
  /// Work a clock scheduled, held until the test runs it.
  final class HeldWork: Sendable {
    private let work = Mutex<[@Sendable () -> Void]>([])

    /// A clock at time zero whose scheduled work waits here.
    var clock: ReplayClock {
      ReplayClock(
        elapsed: { .zero }, sleep: { _ in }, block: nil,
        schedule: { _, work in self.work.withLock { $0.append(work) } })
    }

    var isEmpty: Bool { work.withLock { $0.isEmpty } }

    /// Runs everything held: the deadlines come.
    func runAll() {
      for item in work.withLock({ $0 }) { item() }
    }
  }

  /// The outcome of a completion-handler request: its body, or `cancelled`.
  static func outcome(_ data: Data?, _ error: (any Error)?) -> String {
    if (error as? URLError)?.code == .cancelled { return "cancelled" }
    return data.map { String(decoding: $0, as: UTF8.self) }
      ?? "failed: \(String(describing: error))"
  }

  @Test(
    "an answer due at once is not held up by one waiting for its delay",
    .timeLimit(.minutes(1)))  // a wait that never reaches the clock would spin
  func delaysDoNotQueue() async throws {
    let held = HeldWork()
    let tape = try player(
      [
        try exchange("https://h.example/slow", json: #"{"n":1}"#),
        try exchange("https://h.example/fast", json: #"{"n":2}"#),
      ],
      ReplayConfiguration(clock: held.clock, faults: [0: .delay(.seconds(5))]))
    let session = tape.makeURLSession()
    let slow = Mutex<String?>(nil)
    let (ended, end) = AsyncStream<Void>.makeStream()
    session.dataTask(with: URL(string: "https://h.example/slow")!) { data, _, error in
      slow.withLock { $0 = Self.outcome(data, error) }
      end.yield()
    }.resume()
    while held.isEmpty {  // the slow answer waits
      try Task.checkCancellation()
      await Task.yield()
    }
    let (fast, _) = try await session.data(from: URL(string: "https://h.example/fast")!)
    #expect(String(decoding: fast, as: UTF8.self) == #"{"n":2}"#)
    #expect(slow.withLock { $0 } == nil)
    held.runAll()  // its deadline comes
    await ended.first { _ in true }
    #expect(slow.withLock { $0 } == #"{"n":1}"#)
  }

  @Test(
    "a request cancelled while it waits gets nothing more once its deadline comes",
    .timeLimit(.minutes(1)))
  func cancelWhileWaiting() async throws {
    let held = HeldWork()
    let tape = try player(
      [try exchange("https://h.example/slow", json: #"{"n":1}"#)],
      ReplayConfiguration(clock: held.clock, faults: [0: .delay(.seconds(5))]))
    let session = tape.makeURLSession()
    let outcomes = Mutex<[String]>([])
    let (ended, end) = AsyncStream<Void>.makeStream()
    let task = session.dataTask(with: URL(string: "https://h.example/slow")!) { data, _, error in
      outcomes.withLock { $0.append(Self.outcome(data, error)) }
      end.yield()
    }
    task.resume()
    while held.isEmpty {
      try Task.checkCancellation()
      await Task.yield()
    }
    task.cancel()
    await ended.first { _ in true }
    held.runAll()  // the deadline comes after the cancel
    // One more request through the same session: everything queued before it has run.
    _ = try? await session.data(from: URL(string: "https://h.example/other")!)
    #expect(outcomes.withLock { $0 } == ["cancelled"])
  }
}
