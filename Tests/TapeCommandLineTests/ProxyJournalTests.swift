import Foundation
import SystemInterface
import Tape
import Testing

/// `tape proxy` loses nothing it recorded: every exchange goes to `<cassette>.journal` as it
/// comes, and the next `tape proxy` on the same cassette rebuilds the cassette from a
/// journal a killed process left. The built executable.
@Suite("tape proxy: the journal")
struct ProxyJournalTests {
  static func cassette() -> URL {
    FileManager.default.temporaryDirectory.appending(path: "tape-journal-\(UUID())")
      .appending(path: "proxy.json")
  }

  /// The exchanges a cassette holds, repeats counted.
  static func exchanges(_ cassette: URL) throws -> Int {
    try CassetteFile.load(from: cassette).interactions.reduce(0) { $0 + $1.repeatCount }
  }

  @Test("kill -9 keeps every answered exchange in the journal; the next run rebuilds the cassette")
  func killThenRestart() async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let journal = JournalFile(beside: cassette)
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    #expect(journal.exists)
    let statuses = try await sendPolls(to: proxy.url, count: 12)
    #expect(statuses.count == 12)
    // Each answered exchange reaches the journal as it is kept (its own thread writes it
    // at once): wait for the file, then kill.
    #expect(await eventually { journal.exchanges == 12 }, "\(journal.text)")
    let (killed, _) = await proxy.stop(with: SIGKILL)
    #expect(killed == SIGKILL)
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(journal.exchanges == 12)
    #expect(!journal.text.contains("tape-simulator-secret"))

    // The next run on the same cassette (once: it is missing) rebuilds it, then replays it.
    let again = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    let (status, output) = await again.interrupt()
    #expect(status == 0, "\(output)")
    #expect(
      output.contains(
        "found \(cassette.path).journal, left by a recording that was interrupted or whose "
          + "write was refused: rebuilt \(cassette.path) from its 12 interactions"), "\(output)")
    #expect(
      output.contains("replaying \(cassette.path) (12 interactions; record mode once"), "\(output)")
    #expect(try Self.exchanges(cassette) == 12)
    #expect(!journal.exists)
  }

  @Test(
    "SIGINT, SIGTERM and SIGHUP each stop it and write the cassette (exit 0)",
    arguments: [SIGINT, SIGTERM, SIGHUP])
  func eachSignalWrites(signal: Int32) async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    _ = try await sendPolls(to: proxy.url, count: 3)
    let (status, output) = await proxy.stop(with: signal)
    #expect(status == 0, "\(output)")
    #expect(output.contains("wrote \(cassette.path): 3 new interactions"), "\(output)")
    #expect(try Self.exchanges(cassette) == 3)
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test(
    "before the first answer: a signal writes nothing and leaves no journal",
    arguments: [SIGINT, SIGTERM, SIGHUP])
  func beforeTheFirstAnswer(signal: Int32) async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    let (status, output) = await proxy.stop(with: signal)
    #expect(status == 0, "\(output)")
    #expect(output.contains("Tape recorded nothing: \(cassette.path) was not written"), "\(output)")
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test("output piped into a reader that went away (| head): SIGPIPE does not stop the write")
  func closedOutput() async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    let process = try ChildProcess(
      RunningTape.binary, ["proxy", "--upstream", "simulator", "--cassette", cassette.path],
      output: .descriptor(writeEnd), errors: .descriptor(writeEnd))
    close(writeEnd)
    let banner = try await offThePool { () -> String in
      var text = ""
      var buffer = [UInt8](repeating: 0, count: 4096)
      while !text.contains("Ctrl-C") {
        let count = read(readEnd, &buffer, buffer.count)
        if count <= 0 { break }
        text += String(decoding: buffer[0..<count], as: UTF8.self)
      }
      return text
    }
    let url = try #require(
      banner.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://") }.map {
        String($0).trimmingCharacters(in: CharacterSet(charactersIn: ","))
      })
    _ = try await sendPolls(to: url, count: 2)
    // As `head` does once it has its lines: the reading end goes away, so that "stopping"
    // and the summary meet a broken pipe.
    close(readEnd)
    process.send(SIGINT)
    let status = try await offThePool { process.waitUntilExit() }
    #expect(status == 0)
    #expect(try Self.exchanges(cassette) == 2)
    #expect(!JournalFile(beside: cassette).exists)
  }

  @Test(
    "a second signal during the write of 3,000 interactions leaves the journal; the next run writes them",
    // Ctrl-C twice, and `timeout`, which relays SIGTERM twice.
    arguments: [SIGINT, SIGTERM])
  func secondSignalDuringTheWrite(signal: Int32) async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path, "--record", "all",
    ])
    let statuses = try await sendPolls(to: proxy.url, count: 3_000, tasks: 64, parallel: 8)
    #expect(statuses.count == 3_000)
    let journal = JournalFile(beside: cassette)
    // Everything journaled first, so that the second signal meets the write itself (the
    // encoding and the scan of 3,000 interactions), not the journal catching up.
    #expect(await eventually { journal.exchanges == 3_000 })
    proxy.process.send(signal)
    #expect(await proxy.waitForOutput(containing: "writing \(cassette.path): 3000 new"))
    // As `timeout` relays a signal twice: the second comes while the cassette is written.
    let (status, output) = await proxy.stop(with: signal)
    if status == 128 + signal {
      #expect(output.contains("interrupted again: stopping now"), "\(output)")
      #expect(
        output.contains(
          "the session is kept, redacted, in \(cassette.path).journal: run tape proxy again"))
      #expect(journal.exists)
    } else {
      // The write was done before the second signal came.
      #expect(status == 0, "\(output)")
    }
    let again = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    let (restarted, more) = await again.interrupt()
    #expect(restarted == 0, "\(more)")
    #expect(try Self.exchanges(cassette) == 3_000)
    #expect(!journal.exists)
  }

  @Test("--record all with no traffic leaves a good cassette as it was, and says so")
  func emptySessionKeepsTheCassette() async throws {
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.createDirectory(
      at: cassette.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appending(path: "cassettes/check-task-polling.json"), to: cassette)
    let before = try Data(contentsOf: cassette)
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path, "--record", "all",
    ])
    let (status, output) = await proxy.interrupt()
    #expect(status == 0, "\(output)")
    #expect(
      output.contains(
        "Tape recorded nothing: \(cassette.path) was left as it was (a cassette is never "
          + "replaced by an empty session)"), "\(output)")
    #expect(try Data(contentsOf: cassette) == before)
    #expect(!JournalFile(beside: cassette).exists)
  }
}
