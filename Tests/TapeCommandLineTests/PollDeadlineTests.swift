import Foundation
import Testing

/// `tape poll --deadline` bounds the whole poll, a request still waiting for its answer
/// included (a request alone waits 30 s or more before it gives up), and an answer's body
/// is read up to 64 MiB. The built executable.
@Suite("tape poll: the deadline and the body limit")
struct PollDeadlineTests {
  @Test("against a server that never answers, the poll ends with the deadline's error")
  func silentServer() async throws {
    let server = try SilentServer()
    let (status, output, took) = try await RunningTape.runTimed(
      ["poll", "check", "t1", "--endpoint", server.url, "--deadline", "3"],
      environment: RecordingInterruptionTests.credentials)
    withExtendedLifetime(server) {}
    #expect(status == 4, "\(output)")
    #expect(output.contains("error: deadline of 3.0 seconds passed"), "\(output)")
    // Generous for a loaded machine, and short of the 30 s the request would wait alone.
    #expect(took < .seconds(25), "took \(took)")
  }

  @Test("with --cassette, the deadline ends the session and nothing recorded is written")
  func silentServerRecording() async throws {
    let server = try SilentServer()
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-deadline-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "silent.json")
    let (status, output) = try await RunningTape.run(
      [
        "poll", "check", "t1", "--endpoint", server.url, "--deadline", "2", "--cassette",
        cassette.path,
      ],
      environment: RecordingInterruptionTests.credentials)
    #expect(status == 4, "\(output)")
    #expect(output.contains("Tape recorded nothing: \(cassette.path) was not written"))
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test("an endless body fails the poll at 64 MiB, the connection closed, the memory let go")
  func endlessBody() async throws {
    let cap = 1 << 30
    let server = try EndlessBodyServer(cap: cap)
    let (status, output) = try await RunningTape.run(
      ["poll", "check", "t1", "--endpoint", server.url, "--deadline", "600"],
      environment: RecordingInterruptionTests.credentials)
    #expect(status == 1, "\(output)")
    #expect(
      output.contains(
        "error: check: no answer: URLError -1103: the upstream's answer is too large: the body "
          + "is larger than 67108864 bytes"), "\(output)")
    let sent = try await offThePool { server.bytesSentBeforeClose() }
    // The client closed at its limit: the socket buffers hold a few MiB beyond it at most.
    #expect(sent.map { $0 < 96 << 20 } == true, "\(String(describing: sent))")
  }
}
