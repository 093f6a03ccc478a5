import Foundation
import Synchronization
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// On the real clock, a URLSession replay waits off URLSession's shared queue: a delayed
/// answer holds up no other request, as on the network.
@Suite("URLSession replay waits off the shared queue")
struct SessionWaitTests {
  @Test("an answer due at once is not held up by one waiting for its delay")
  func delaysDoNotQueue() async throws {
    let tape = try player(
      [
        try exchange("https://h.example/slow", json: #"{"n":1}"#),
        try exchange("https://h.example/fast", json: #"{"n":2}"#),
      ],
      ReplayConfiguration(faults: [0: .delay(.milliseconds(300))]))
    let session = tape.makeURLSession()
    let finished = Mutex<[String]>([])
    let (ended, end) = AsyncStream<Void>.makeStream()
    // Started first: its answer waits 300 ms.
    session.dataTask(with: URL(string: "https://h.example/slow")!) { _, _, _ in
      finished.withLock { $0.append("slow") }
      end.yield()
    }.resume()
    _ = try await session.data(from: URL(string: "https://h.example/fast")!)
    finished.withLock { $0.append("fast") }
    await ended.first { _ in true }
    #expect(finished.withLock { $0 } == ["fast", "slow"])
  }

  @Test("cancelling a request waiting for its delay drops its answer")
  func cancelWhileWaiting() async throws {
    let tape = try player(
      [try exchange("https://h.example/slow", json: #"{"n":1}"#)],
      ReplayConfiguration(faults: [0: .delay(.milliseconds(200))]))
    let session = tape.makeURLSession()
    let outcome = Mutex<String?>(nil)
    let (ended, end) = AsyncStream<Void>.makeStream()
    let task = session.dataTask(with: URL(string: "https://h.example/slow")!) { _, _, error in
      outcome.withLock { $0 = (error as? URLError)?.code == .cancelled ? "cancelled" : "answered" }
      end.yield()
    }
    task.resume()
    while tape.playCounts[0] == 0 { await Task.yield() }
    task.cancel()
    await ended.first { _ in true }
    #expect(outcome.withLock { $0 } == "cancelled")
  }
}
