import CloudProgressClient
import CloudSimulator
import Foundation
import Synchronization
import Tape
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape record")
struct RecordCommandTests {
  @Test("record all writes one clean, loadable cassette per API with the cloud's URLs")
  func recordAll() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "record-all-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let printed = Mutex<[String]>([])
    let outcome = await TapeCommand.main(
      ["record", "all", "--out", folder.path],
      print: { _ in Issue.record("record all prints no data") },
      report: { line in printed.withLock { $0.append(line) } },
      until: {})
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    let lines = printed.withLock { $0 }
    #expect(lines.count == 5)
    for session in RecordCommand.sessions {
      let (api, name) = (session.api, session.cassette)
      let file = folder.appending(path: name + ".json")
      let cassette = try CassetteFile.load(from: file)
      #expect(cassette.metadata["recordedWith"] == "swift run tape record all")
      #expect(cassette.interactions.count >= 3, "\(api)")
      #expect(cassette.interactions.allSatisfy { $0.request.url.hasPrefix("https://") })
      #expect(
        cassette.interactions.allSatisfy { $0.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>" })
      #expect(lines.contains { $0.hasPrefix("Tape recorded ") && $0.contains(name + ".json") })
    }
    let audit = TapeCommand.run(["audit", folder.path])
    #expect(audit.status == 0, "\(audit.output)")
  }

  @Test("the committed cassettes are what record all writes, byte for byte apart from recordedAt")
  func committedCassettesAreRecordings() async throws {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = FileManager.default.temporaryDirectory.appending(path: "re-record-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = await TapeCommand.main(
      ["record", "all", "--out", folder.path], print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    func comparable(_ file: URL) throws -> [String] {
      try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        .filter { !$0.hasPrefix("  \"recordedAt\": ") }.map(String.init)
    }
    for session in RecordCommand.sessions {
      let name = session.cassette + ".json"
      let recorded = try comparable(folder.appending(path: name))
      let committed = try comparable(packageRoot.appending(path: "cassettes/" + name))
      #expect(recorded.count > 20, "\(name)")
      #expect(
        recorded == committed, "\(name): re-record with swift run tape record all --out cassettes")
    }
  }

  @Test("--corpus writes each distinct successful body once, named by its hash")
  func corpusSeeds() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "record-seeds-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = folder.appending(path: "corpus")
    for _ in 0..<2 {
      let outcome = await TapeCommand.main(
        ["record", "all", "--out", folder.appending(path: "c").path, "--corpus", corpus.path],
        print: { _ in }, report: { _ in }, until: {})
      #expect(outcome.status == 0, "\(outcome.errorOutput)")
    }
    let seeds = try FileManager.default.contentsOfDirectory(
      atPath: corpus.appending(path: "check/seeds").path)
    // 0%, 50%, 100%: three distinct answers, recorded twice, three seeds.
    #expect(seeds.count == 3)
    #expect(seeds.allSatisfy { $0.hasPrefix("recorded-") && $0.hasSuffix(".json") })
  }

  @Test("record without what to record is a usage error naming what to say")
  func usage() async {
    let outcome = await TapeCommand.main(["record"], print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == 2)
    #expect(
      outcome.errorOutput.hasPrefix(
        "error: say which API to record: one of cpts, insight, quality, drs, check\n"))
    // The old spellings name the one that replaced them.
    let wrong = await TapeCommand.main(
      ["record", "check", "t1", "--record", "x.json"], print: { _ in }, report: { _ in }, until: {})
    #expect(wrong.status == 2)
    #expect(wrong.errorOutput.hasPrefix("error: --record x.json is now --cassette x.json"))
    #expect(wrong.errorOutput.contains("usage: tape record <api>"), "the usage is record's")
    let out = await TapeCommand.main(
      ["record", "check", "t1", "--out=x.json"], print: { _ in }, report: { _ in }, until: {})
    #expect(out.status == 2)
    #expect(out.errorOutput.hasPrefix("error: --out is now --cassette <file>"))
    let pathLike = await TapeCommand.main(
      ["record", "check", "../t1", "--endpoint", "simulator"], print: { _ in }, report: { _ in },
      until: {})
    #expect(pathLike.status == 2)
    #expect(pathLike.errorOutput.hasPrefix("error: the id '../t1' cannot name a file"))
  }

  @Test(
    "a session whose wrong id is answered is refused, naming the cassette, with nothing written")
  func wrongIDAnswered() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "record-wrong-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let task = TaskReference.check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")
    // The "wrong" id is the simulator's own task, so it is answered instead of refused.
    let session = RecordCommand.Session(
      api: .check, cassette: "check-wrong-first", task: task, wrongFirst: task)
    let failure = await #expect(throws: RecordingError.self) {
      try await RecordCommand.record(session, into: folder)
    }
    #expect(failure?.file == "check-wrong-first.json")
    #expect(
      failure?.description.contains("was answered; the session expects the service's error") == true
    )
    #expect(
      !FileManager.default.fileExists(atPath: folder.appending(path: "check-wrong-first.json").path)
    )
  }

  @Test("record <api> [id] writes the --cassette file, and replays")
  func recordOne() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "record-one-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let options = ["--endpoint", "simulator", "--interval", "0.01", "--seed", "3"]
    let file = folder.appending(path: "check-t1.json")
    let outcome = await TapeCommand.main(
      ["record", "check", "t1"] + options + ["--cassette", file.path], print: { _ in },
      report: { _ in },
      until: neverAskedToStop)
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    #expect(outcome.errorOutput.contains("Tape recorded 3 interactions into \(file.path)"))
    let cassette = try CassetteFile.load(from: file)
    #expect(
      cassette.interactions.map(\.request.url).allSatisfy { $0.hasSuffix("/v2/tasks/t1/progress") })
    let named = folder.appending(path: "named.json")
    // --cassette=<file> as well as --cassette <file>, as every option takes it.
    let cpts = await TapeCommand.main(
      ["record", "cpts"] + options + ["--cassette=\(named.path)"], print: { _ in },
      report: { _ in },
      until: neverAskedToStop)
    #expect(cpts.status == 0, "\(cpts.errorOutput)")
    #expect(try CassetteFile.load(from: named).interactions.count == 3)
  }

  @Test("without --cassette, the built tape record writes cassettes/<api>-<id>.json")
  func defaultCassette() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "record-dflt-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // Run from the fresh folder, as a user runs it from their package's root.
    let script =
      "cd '\(folder.path)' && exec '\(RunningTape.binary.path)' record check t9 "
      + "--endpoint simulator --interval 0.01 --seed 3 2>&1"
    let output = String(
      decoding: try await RunningTape.runProgram("/bin/sh", ["-c", script]), as: UTF8.self)
    #expect(
      output.contains("Tape recorded 3 interactions into cassettes/check-t9.json"), "\(output)")
    let cassette = try CassetteFile.load(from: folder.appending(path: "cassettes/check-t9.json"))
    #expect(cassette.interactions.count == 3)
  }

  @Test("tape poll --endpoint simulator --cassette keeps the cloud's URLs, the token redacted")
  func pollRecords() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "poll-record-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "poll.json")
    let outcome = await PollCommand.run(
      [
        "check", "t1", "--endpoint", "simulator", "--interval", "0.01", "--seed", "7", "--cassette",
        file.path,
      ], environment: [:], isTerminal: false, print: { _ in }, report: { _ in })
    #expect(outcome.status == 0)
    #expect(outcome.errorOutput.hasPrefix("Tape recorded 3 interactions into \(file.path)"))
    let cassette = try CassetteFile.load(from: file)
    #expect(cassette.interactions.count == 3)
    let url = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"
    #expect(cassette.interactions.allSatisfy { $0.request.url == url })
    #expect(
      cassette.interactions.allSatisfy { $0.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>" })
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(!text.contains("127.0.0.1"))
    let account = SimulatorScenario.defaultAccount
    #expect(!text.contains(account.password))
    // It replays as the cloud: the same three answers to the cloud's URL.
    let player = try CassettePlayer(cassette: cassette, source: file.path)
    var statuses: [Int] = []
    for _ in 0..<3 {
      statuses.append(
        try await player.transport.send(URLRequest(url: URL(string: url)!)).1.statusCode)
    }
    #expect(statuses == [200, 200, 200])
  }
}
