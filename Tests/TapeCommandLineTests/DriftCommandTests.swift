import DecoderFuzz
import Foundation
import LoopbackHTTP
import Synchronization
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The drift report through the built `tape` executable: `tape record <api>`, `tape poll
/// --record` (with `--corpus`), `tape proxy`, `tape record all` and `tape inspect`, against
/// a loopback stand-in answering CodeArts Check with each kind of drift.
@Suite("tape: the drift report on every recording path")
struct DriftCommandTests {
  static let token = "token-drift-secret-5e6f"
  static let environment = [
    "HUAWEICLOUD_SDK_AUTH_TOKEN": token, "HUAWEICLOUD_SDK_PROJECT_ID": "p",
  ]
  static let secretValue = "s3cr3t-live-value-9f8e7d"
  /// Four kinds of drift: a member the models do not know, an undocumented status (7, so
  /// the poll goes on), a ratio beyond 100% (a wire anomaly) and, as no answer has it,
  /// the documented `/progress/info` never comes.
  static let drifted =
    #"{"task_status":7,"progress":{"ratio":"150%"},"new_field":{"a":"\#(secretValue)"}}"#
  /// The fifth: `progress` an array; the poll ends there (exit 1), the recording is written.
  static let undecodable = #"{"task_status":0,"progress":[1]}"#
  static let finished = #"{"task_status":2,"progress":{"ratio":"100%","info":"success"}}"#
  static let finishedRatioAsNumber = #"{"task_status":2,"progress":{"ratio":100,"info":"success"}}"#
  static let expectedLines = [
    "  check /new_field: member the models do not know: object\n",
    "  check /progress: answer that did not decode: typeMismatch: found array\n",
    "  check /progress/info: documented member that never came: one of \"running\", \"success\"\n",
    "  check /progress/ratio: wire anomaly: documented percentage \"0%\" to \"100%\", found string\n",
    "  check /task_status: undocumented value: 7\n",
  ]

  /// Runs `body` with a stand-in answering each request with the next of `answers` (the
  /// last repeats).
  func withStandIn(
    _ answers: [String], _ body: (URL, Script) async throws -> Void
  ) async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let script = Script(answers)
    let server = try HTTPServer.start { _ in .json(text: script.next()) }
    defer { server.beginStop() }
    try await body(server.baseURL, script)
  }

  /// The answers still to come.
  final class Script: Sendable {
    let answers: Mutex<[String]>
    init(_ answers: [String]) { self.answers = Mutex(answers) }
    func next() -> String {
      answers.withLock { queue in queue.count > 1 ? queue.removeFirst() : queue[0] }
    }
  }

  func expectEveryKind(
    in output: String, heading: String = "drift from the models (5 findings):\n",
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(output.contains(heading), "\(output)", sourceLocation: sourceLocation)
    for line in Self.expectedLines {
      #expect(output.contains(line), "\(line)", sourceLocation: sourceLocation)
    }
    #expect(!output.contains(Self.secretValue), sourceLocation: sourceLocation)
    #expect(!output.contains("150%"), sourceLocation: sourceLocation)
  }

  @Test("tape record <api>: each kind of drift, kept in the metadata; tape inspect shows it")
  func recordOne() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "drift-record-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try await withStandIn([Self.drifted, Self.undecodable]) { standIn, _ in
      let (status, output) = try await RunningTape.run(
        [
          "record", "check", "t1", "--endpoint", standIn.absoluteString, "--interval", "0.01",
          "--cassette", folder.appending(path: "check-t1.json").path,
        ], environment: Self.environment)
      #expect(status == 1, "the undecodable answer ends the poll: \(output)")
      expectEveryKind(in: output)
      #expect(output.contains("none to compare with (no earlier cassette of check here)"))
    }
    let file = folder.appending(path: "check-t1.json")
    let cassette = try CassetteFile.load(from: file)
    #expect(cassette.metadata["drift"] == "5 findings")
    #expect(cassette.metadata["drift check: undocumented value"] == "/task_status: 7")
    let bytes = try String(contentsOf: file, encoding: .utf8)
    #expect(!bytes.contains(Self.token))

    let (status, inspected) = try await RunningTape.run(["inspect", file.path])
    #expect(status == 0)
    expectEveryKind(in: inspected, heading: "\ndrift (as recorded, from the metadata):\n")
    #expect(!inspected.contains("metadata: drift"), "the entries are not repeated as metadata")
    let (_, audit) = try await RunningTape.run(["audit", file.path])
    #expect(audit == "audited 1 file: no secrets\n", "tape audit stays about secrets")
  }

  @Test("a re-record that changes one member's type reports exactly that, for the file beside")
  func reRecordTypeChange() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "drift-again-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let options = { (name: String) in
      ["--interval", "0.01", "--cassette", folder.appending(path: name).path]
    }
    try await withStandIn([Self.finished]) { standIn, answers in
      let endpoint = ["--endpoint", standIn.absoluteString]
      let first = try await RunningTape.run(
        ["record", "check", "t1"] + endpoint + options("check-t1.json"),
        environment: Self.environment)
      #expect(first.status == 0, "\(first.output)")
      answers.answers.withLock { $0 = [Self.finishedRatioAsNumber] }
      let again = try await RunningTape.run(
        ["record", "check", "t1"] + endpoint + options("check-t1.json"),
        environment: Self.environment)
      #expect(again.status == 0, "\(again.output)")
      let file = folder.appending(path: "check-t1.json").path
      #expect(
        again.output.hasSuffix(
          "changes since \(file) (1 change):\n"
            + "  check /progress/ratio: type changed: string -> number\n"), "\(again.output)")
      // A new file beside the old one is compared with it.
      answers.answers.withLock { $0 = [Self.finished] }
      let beside = try await RunningTape.run(
        ["record", "check", "t2"] + endpoint + options("check-t2.json"),
        environment: Self.environment)
      #expect(
        beside.output.hasSuffix(
          "changes since \(file) (1 change):\n"
            + "  check /progress/ratio: type changed: number -> string\n"), "\(beside.output)")
    }
  }

  @Test(
    "tape poll --cassette --corpus: the report, and one seed per distinct drift the fuzzer reads")
  func pollWithCorpus() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "drift-poll-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let corpus = folder.appending(path: "corpus")
    // Three polls drift the same way in three different bodies: one seed for them; the
    // documented end is another.
    let ratios = ["150%", "160%", "170%"].map {
      Self.drifted.replacingOccurrences(of: "150%", with: $0)
    }
    try await withStandIn(ratios + [Self.finished]) {
      standIn, _ in
      let (status, output) = try await RunningTape.run(
        [
          "poll", "check", "t1", "--endpoint", standIn.absoluteString, "--interval", "0.01",
          "--cassette", folder.appending(path: "poll.json").path, "--corpus", corpus.path,
        ], environment: Self.environment)
      #expect(status == 0, "\(output)")
      #expect(output.contains("check /task_status: undocumented value: 7\n"), "\(output)")
      #expect(output.contains("2 new fuzz seeds in \(corpus.path)\n"), "\(output)")
    }
    let seeds = try FileManager.default.contentsOfDirectory(
      atPath: corpus.appending(path: "check/seeds").path
    ).sorted()
    #expect(seeds.count == 2)
    #expect(seeds.filter { $0.hasPrefix("drifted-") && $0.hasSuffix("-200.json") }.count == 1)
    #expect(seeds.filter { $0.hasPrefix("recorded-") && $0.hasSuffix("-200.json") }.count == 1)
    let target = try #require(FuzzTargetRegistry.target(named: "check"))
    #expect(SeedCorpus.seedFiles(of: target, in: corpus).count == 2, "the fuzzer starts from both")
  }

  @Test("tape proxy: the report of the paths it recognises, at the end")
  func proxy() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "drift-proxy-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "proxied.json")
    try await withStandIn([#"{"other":{"x":1}}"#, Self.drifted, Self.undecodable]) {
      standIn, _ in
      let proxy = try await RunningTape.start([
        "proxy", "--upstream", standIn.absoluteString, "--cassette", file.path, "--corpus",
        folder.appending(path: "corpus").path,
      ])
      let session = URLSession(configuration: .ephemeral)
      for path in ["/v9/other", "/v2/tasks/t1/progress", "/v2/tasks/t1/progress"] {
        _ = try await session.data(from: try #require(URL(string: proxy.url + path)))
      }
      let stopped = await proxy.interrupt()
      #expect(stopped.status == 0, "\(stopped.output)")
      expectEveryKind(in: stopped.output)
      #expect(!stopped.output.contains("/other"), "a path it does not recognise is left out")
      // The drifted answer is a seed; the undecodable one too; the other path's is not.
      #expect(stopped.output.contains("2 new fuzz seeds in "), "\(stopped.output)")
    }
    #expect(try CassetteFile.load(from: file).metadata["drift"] == "5 findings")
  }

  @Test("tape record all twice: the second says nothing changed since the first")
  func recordAllTwice() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "drift-all-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try await RunningTape.run(["record", "all", "--out", folder.path])
    let (status, output) = try await RunningTape.run(["record", "all", "--out", folder.path])
    #expect(status == 0, "\(output)")
    for name in ["check-task-polling", "drs-template-progress", "cpts-import-polling"] {
      #expect(
        output.contains("changes since \(folder.path)/\(name).json: none\n"), "\(output)")
    }
    #expect(output.contains("  insight /error_msg: documented member that never came: string\n"))
  }
}
