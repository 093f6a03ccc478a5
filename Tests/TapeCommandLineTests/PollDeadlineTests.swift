import Foundation
import Testing

/// `tape poll --deadline` bounds the whole poll, a request still waiting for its answer
/// included (a URLSession request alone waits 60 s before it gives up). The built executable.
@Suite("tape poll: the deadline")
struct PollDeadlineTests {
  @Test("against a server that never answers, the poll ends with the deadline's error")
  func silentServer() async throws {
    let server = try SilentServer()
    let clock = ContinuousClock()
    let started = clock.now
    let (status, output) = try await RunningTape.run(
      ["poll", "check", "t1", "--endpoint", server.url, "--deadline", "3"],
      environment: RecordingInterruptionTests.credentials)
    let took = started.duration(to: clock.now)
    #expect(status == 3, "\(output)")
    #expect(output.contains("error: deadline of 3.0 seconds passed"), "\(output)")
    // Generous: a loaded machine is slow, but not the 60 s a request waits on its own.
    #expect(took < .seconds(40), "took \(took)")
  }

  @Test("with --record, the deadline ends the session and nothing recorded is written")
  func silentServerRecording() async throws {
    let server = try SilentServer()
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-deadline-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "silent.json")
    let (status, output) = try await RunningTape.run(
      [
        "poll", "check", "t1", "--endpoint", server.url, "--deadline", "2", "--record",
        cassette.path,
      ],
      environment: RecordingInterruptionTests.credentials)
    #expect(status == 3, "\(output)")
    #expect(output.contains("Tape recorded nothing: \(cassette.path) was not written"))
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(!JournalFile(beside: cassette).exists)
  }
}
