import Foundation
import HTTPTransportCore
import Synchronization
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A recording URLSession sends through the recording's transport, the one recording path:
/// the URLProtocol only captures and delivers.
@Suite("Recording through URLSession: one path")
struct SessionRecordingPathTests {
  /// A recording player over `upstream`, recording everything.
  func recordingPlayer(_ upstream: any HTTPTransport) throws -> (CassettePlayer, CassetteRecorder) {
    let recorder = CassetteRecorder()
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "memory",
      recording: RecordingSetup(
        transport: RecordingTransport(upstream: upstream, recorder: recorder),
        recordsEverything: true))
    return (player, recorder)
  }

  @Test("the session sends through the configured upstream, and records what it answered")
  func configuredUpstream() async throws {
    let seen = Mutex<[String]>([])
    let upstream = CannedTransport { request in
      seen.withLock { $0.append(request.url?.path ?? "") }
      return (201, ["Content-Type": "application/json"], Data(#"{"from":"stand-in"}"#.utf8))
    }
    let (player, recorder) = try recordingPlayer(upstream)
    // No server listens on this host: only the configured upstream can answer.
    let url = URL(string: "https://service.invalid/v1/things/7")!
    let (data, response) = try await player.makeURLSession().data(from: url)
    #expect((response as? HTTPURLResponse)?.statusCode == 201)
    #expect(String(decoding: data, as: UTF8.self) == #"{"from":"stand-in"}"#)
    #expect(seen.withLock { $0 } == ["/v1/things/7"])
    #expect(recorder.interactions.map(\.response.status) == [201])
    #expect(recorder.interactions.map(\.request.url) == [url.absoluteString])
  }

  @Test(
    "cancelling a recording session's task cancels the request upstream; nothing is recorded",
    .timeLimit(.minutes(1)))  // without the cancellation, the upstream would wait a day
  func cancellationReachesUpstream() async throws {
    let upstream = WaitingTransport()
    let (player, recorder) = try recordingPlayer(upstream)
    let session = player.makeURLSession()
    let task = session.dataTask(with: URL(string: "https://service.invalid/v1/poll")!) { _, _, _ in
    }
    task.resume()
    await upstream.started.first { _ in true }
    task.cancel()
    let outcome = await upstream.ended.first { _ in true }
    #expect(outcome == "cancelled")
    #expect(recorder.interactions.isEmpty)
  }
}

/// An upstream that waits until its task is cancelled, saying when it started and how it ended.
final class WaitingTransport: HTTPTransport, Sendable {
  let (started, startedContinuation) = AsyncStream<Void>.makeStream()
  let (ended, endedContinuation) = AsyncStream<String>.makeStream()

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    startedContinuation.yield()
    do {
      try await Task.sleep(for: .seconds(86_400))  // a day: only cancellation ends it
      endedContinuation.yield("finished")
    } catch {
      endedContinuation.yield(Task.isCancelled ? "cancelled" : "failed: \(error)")
      throw error
    }
    throw URLError(.timedOut)
  }
}
