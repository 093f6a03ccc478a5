import Foundation
import SystemInterface
import Tape
import Testing

/// `tape poll --record` and `tape record <api>` stopped by a signal: what was recorded is
/// written (redacted, through the recorder's one writer), the command says where, and it
/// exits 128 + the signal. The built executable, each signal at each stage.
@Suite("Recording commands stopped by a signal")
struct RecordingInterruptionTests {
  static let credentials = [
    "HUAWEICLOUD_SDK_AK": "TAPESIMULATORAK00001", "HUAWEICLOUD_SDK_SK": "tape-simulator-secret-key",
    "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef",
  ]

  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  static func folder() -> URL {
    FileManager.default.temporaryDirectory.appending(path: "tape-interrupt-\(UUID())")
  }

  static func name(_ signal: Int32) -> String {
    switch signal {
    case SIGINT: "Ctrl-C (SIGINT)"
    case SIGTERM: "SIGTERM"
    default: "SIGHUP"
    }
  }

  @Test(
    "before the first answer: nothing recorded, nothing written, 128 + the signal",
    arguments: signals)
  func beforeTheFirstAnswer(signal: Int32) async throws {
    let server = try SilentServer()
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "silent.json")
    let (status, output) = try await RunningTape.stop(
      ["poll", "check", "t1", "--endpoint", server.url, "--cassette", cassette.path],
      environment: Self.credentials, after: "journal:", with: signal)
    withExtendedLifetime(server) {}
    #expect(status == 128 + signal, "\(output)")
    #expect(output.contains("stopped by \(Self.name(signal)) after 0 polls"), "\(output)")
    #expect(output.contains("Tape recorded nothing: \(cassette.path) was not written"))
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test("mid-session: the polls so far are written, and the command says where", arguments: signals)
  func midSession(signal: Int32) async throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "mid.json")
    // The first wait is drawn from 0...30 s with this seed: 17 s, time to stop it.
    let (status, output) = try await RunningTape.stop(
      [
        "poll", "check", "t1", "--endpoint", "simulator", "--interval", "30", "--seed", "1",
        "--cassette", cassette.path,
      ], after: "check t1: running 0%", with: signal)
    #expect(status == 128 + signal, "\(output)")
    // One poll, unless the machine is so loaded that the signal came after the 17 s wait:
    // whatever the count, the command says it, and the cassette holds exactly that.
    let polls = try #require(
      Self.count(in: output, after: "stopped by \(Self.name(signal)) after "))
    #expect(polls >= 1)
    #expect(
      output.contains("Tape recorded \(Self.interactions(polls)) into \(cassette.path)"),
      "\(output)")
    let recorded = try CassetteFile.load(from: cassette)
    #expect(recorded.interactions.count == polls)
    #expect(recorded.interactions.first?.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test("tape record <api> stopped mid-session writes what it recorded, named after the task")
  func recordOne() async throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (status, output) = try await RunningTape.stop(
      [
        "record", "check", "t7", "--endpoint", "simulator", "--interval", "30", "--seed", "1",
        "--cassette", folder.appending(path: "check-t7.json").path,
      ], after: "check t7: running 0%", with: SIGTERM)
    let cassette = folder.appending(path: "check-t7.json")
    #expect(status == 143, "\(output)")
    let polls = try #require(Self.count(in: output, after: "stopped by SIGTERM after "))
    #expect(polls >= 1)
    #expect(
      output.contains("Tape recorded \(Self.interactions(polls)) into \(cassette.path)"),
      "\(output)")
    #expect(try CassetteFile.load(from: cassette).interactions.count == polls)
  }

  @Test("kill -9 mid-session leaves the journal; the same command again writes it, polling nothing")
  func killedThenRunAgain() async throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "killed.json")
    let arguments = [
      "poll", "check", "t1", "--endpoint", "simulator", "--interval", "30", "--seed", "1",
      "--cassette", cassette.path,
    ]
    let journal = JournalFile(beside: cassette)
    _ = try await RunningTape.stop(
      arguments, after: "check t1: running 0%", when: { journal.exchanges >= 1 }, with: SIGKILL)
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    // One, unless a loaded machine let the 17 s wait pass: what the journal holds is kept.
    let journaled = journal.exchanges
    #expect(journaled >= 1)

    let (status, output) = try await RunningTape.run(arguments)
    #expect(status == 0, "\(output)")
    #expect(
      output.contains("rebuilt \(cassette.path) from its \(Self.interactions(journaled))"),
      "\(output)")
    #expect(output.contains("nothing was polled: run tape poll --cassette again"), "\(output)")
    #expect(!output.contains("simulator on"))
    #expect(try CassetteFile.load(from: cassette).interactions.count == journaled)
    #expect(!journal.exists)
  }

  @Test("tape poll without --cassette stopped by Ctrl-C says so and exits 130")
  func pollWithoutRecording() async throws {
    let (status, output) = try await RunningTape.stop(
      ["poll", "check", "t1", "--endpoint", "simulator", "--interval", "30", "--seed", "1"],
      after: "check t1: running 0%", with: SIGINT)
    #expect(status == 130, "\(output)")
    let polls = try #require(
      Self.count(in: output, after: "stopped by Ctrl-C (SIGINT) after "), "\(output)")
    #expect(polls >= 1)
  }

  /// The number written after `prefix` in `output`.
  static func count(in output: String, after prefix: String) -> Int? {
    guard let range = output.range(of: prefix) else { return nil }
    return Int(output[range.upperBound...].prefix { $0.isNumber })
  }

  static func interactions(_ count: Int) -> String {
    "\(count) interaction\(count == 1 ? "" : "s")"
  }
}
