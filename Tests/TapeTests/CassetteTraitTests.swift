import Foundation
import Synchronization
import Testing

@testable import Tape
@testable import TapeTesting

@Suite("Cassette trait")
struct CassetteTraitTests {
  /// Runs `body` inside the trait's scope, as Swift Testing would around a test.
  func runScope(
    _ trait: CassetteTrait, _ body: @escaping @Sendable () async throws -> Void
  ) async throws {
    let test = try #require(Test.current)
    try await trait.provideScope(for: test, testCase: Test.Case.current, performing: body)
  }

  /// Runs `body` inside the trait's scope, the issues the trait records caught in `issues`
  /// instead of recorded (the trait records them with `Issue.record` otherwise, as
  /// `issuesAreSwiftTestingIssues` checks).
  func runScope(
    _ trait: CassetteTrait, _ issues: CaughtIssues,
    _ body: @escaping @Sendable () async throws -> Void
  ) async throws {
    var trait = trait
    trait.recordIssue = { comment, severity, _ in issues.append(comment, severity) }
    trait.attach = { _, _ in }
    try await runScope(trait, body)
  }

  /// Runs `body` with a fresh catch of the trait's issues, then expects at least one, and
  /// every one to match `matching` (as `withKnownIssue` would, without a known issue in the
  /// run's output for each).
  func withCaughtIssues(
    _ body: (CaughtIssues) async throws -> Void,
    matching: (CaughtIssues.Caught) -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let issues = CaughtIssues()
    try await body(issues)
    let caught = issues.all
    #expect(!caught.isEmpty, "the trait recorded no issue", sourceLocation: sourceLocation)
    for issue in caught where !matching(issue) {
      Issue.record(
        "an issue the test did not expect: \(issue.comments.map(\.rawValue).joined())",
        sourceLocation: sourceLocation)
    }
  }

  @Test("the trait's problems are Swift Testing issues (this test expects one known issue)")
  func issuesAreSwiftTestingIssues() async throws {
    try await withKnownIssue {
      try await runScope(.cassette("../Package.swift")) {}
    } matching: { issue in
      issue.comments.map(\.rawValue).joined().contains("invalid cassette name '../Package.swift'")
    }
  }

  @Test("an unmatched request becomes an issue with the report")
  func mismatchBecomesIssue() async throws {
    let trait = CassetteTrait.cassette("check-task-polling", unusedInteractions: .ignore)
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        let tape = try #require(CassettePlayer.current)
        _ = try? await tape.transport.send(
          request("https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/nope/progress"))
      }
    } matching: { issue in
      let text = issue.comments.map(\.rawValue).joined()
      return text.contains("Tape: no interaction in cassettes/check-task-polling.json")
        && text.contains(
          "path    ✗ recorded '/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress', got '/v2/tasks/nope/progress'"
        )
        && text.hasSuffix(RecordingHint.missingInteraction(filter: "mismatchBecomesIssue"))
    }
  }

  @Test("unused interactions fail the test when asked to")
  func unusedInteractions() async throws {
    try await withCaughtIssues { issues in
      try await runScope(.cassette("cpts-import-polling", unusedInteractions: .fail), issues) {}
    } matching: { issue in
      issue.severity == .error
        && issue.comments.map(\.rawValue).joined().contains("3 of 3 interactions of ")
    }
  }

  @Test("a missing cassette says so, and the test body does not run")
  func missingCassette() async throws {
    try await withCaughtIssues { issues in
      try await runScope(.cassette("no/such-cassette"), issues) {
        Issue.record("the test body must not run without its cassette")
      }
    } matching: { issue in
      issue.comments.map(\.rawValue).joined()
        == "cassettes/no/such-cassette.json: no such cassette. To record it: run "
        + "`TAPE_RECORD=once swift test --filter missingCassette` where the service is reachable "
        + "(CI never records)."
    }
  }

  @Test("TAPE_RECORD=once with a missing cassette runs the body, and writes nothing unsent")
  func missingCassetteWhileRecording() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var trait = CassetteTrait.cassette("no/such-cassette")
    trait.environment = ["TAPE_RECORD": "once", "TAPE_CASSETTES": folder.path]
    let ran = Mutex(false)
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        ran.withLock { $0 = CassettePlayer.current?.recording != nil }
      }
    } matching: { issue in
      issue.severity == .warning
        && issue.comments.map(\.rawValue).joined()
          == "Tape recorded nothing: \(folder.path)/no/such-cassette.json was not written"
    }
    #expect(ran.withLock { $0 })
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "no").path))
  }

  @Test("TAPE_RECORD=all that sends nothing leaves a good cassette as it was, and says so")
  func emptyAllSessionKeepsTheCassette() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let cassette = folder.appending(path: "kept.json")
    try FileManager.default.copyItem(
      at: packageRoot.appending(path: "cassettes/check-task-polling.json"), to: cassette)
    let before = try Data(contentsOf: cassette)
    var trait = CassetteTrait.cassette("kept")
    trait.environment = ["TAPE_RECORD": "all", "TAPE_CASSETTES": folder.path]
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {}
    } matching: { issue in
      issue.severity == .warning
        && issue.comments.map(\.rawValue).joined()
          == "Tape recorded nothing: \(cassette.path) was left as it was (a cassette is never "
          + "replaced by an empty session)"
    }
    #expect(try Data(contentsOf: cassette) == before)
  }

  @Test("with CI set, TAPE_RECORD is ignored with a warning and the cassette replays")
  func ciForcesReplay() async throws {
    var trait = CassetteTrait.cassette("check-task-polling", unusedInteractions: .ignore)
    trait.environment = ["TAPE_RECORD": "all", "CI": "true"]
    let ran = Mutex(false)
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        ran.withLock { $0 = CassettePlayer.current != nil }
      }
    } matching: { issue in
      issue.severity == .warning
        && issue.comments.map(\.rawValue).joined()
          == "TAPE_RECORD=all is ignored because CI is set: CI never records"
    }
    #expect(ran.withLock { $0 })
  }

  @Test(
    "record: .once on CI: silent when the cassette exists (it replays anyway), a warning when not")
  func onceOnCI() async throws {
    var existing = CassetteTrait.cassette(
      "check-task-polling", unusedInteractions: .ignore, record: .once)
    existing.environment = ["CI": "true"]
    let issues = CaughtIssues()
    try await runScope(existing, issues) {
      #expect(CassettePlayer.current?.recording == nil)
    }
    #expect(issues.all.isEmpty, "\(issues.all.map(\.comments))")

    var missing = CassetteTrait.cassette("no/such-cassette", record: .once)
    missing.environment = ["CI": "true"]
    let caught = CaughtIssues()
    try await runScope(missing, caught) {}
    let texts = caught.all.map { $0.comments.map(\.rawValue).joined() }
    #expect(texts.count == 2, "\(texts)")
    #expect(texts.first == "record: .once is ignored because CI is set: CI never records")
    #expect(texts.last?.hasPrefix("cassettes/no/such-cassette.json: no such cassette.") == true)
  }

  @Test("an unsafe cassette name is an issue, not a file access")
  func unsafeName() async throws {
    try await withCaughtIssues { issues in
      try await runScope(.cassette("../Package.swift"), issues) {}
    } matching: { issue in
      issue.comments.map(\.rawValue).joined().contains("invalid cassette name '../Package.swift'")
    }
  }

  @Test("a throwing test still reports its failed requests and unused interactions")
  func throwingTestIsReported() async throws {
    struct Stop: Error {}
    let seen = Mutex<Set<String>>([])
    try await withCaughtIssues { issues in
      await #expect(throws: Stop.self) {
        try await runScope(.cassette("check-task-polling", unusedInteractions: .fail), issues) {
          let tape = try #require(CassettePlayer.current)
          _ = try? await tape.transport.send(
            request("https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/nope/progress"))
          throw Stop()
        }
      }
    } matching: { issue in
      let text = issue.comments.map(\.rawValue).joined()
      if text.contains("Tape: no interaction in ") { seen.withLock { _ = $0.insert("failure") } }
      if text.contains("3 of 3 interactions of ") { seen.withLock { _ = $0.insert("unused") } }
      return true
    }
    #expect(seen.withLock { $0 } == ["failure", "unused"])
  }

  @Test("cycle counts every play: a test that uses the whole cassette twice has nothing unused")
  func cycleCountsEveryPlay() async throws {
    try await runScope(
      .cassette("check-task-polling", exhaustion: .cycle, unusedInteractions: .fail)
    ) {
      let tape = try #require(CassettePlayer.current)
      let url =
        "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"
      for _ in 0..<8 { _ = try await tape.transport.send(request(url)) }
      #expect(tape.playCounts == [4, 2, 2])
      #expect(tape.unusedInteractions.isEmpty)
    }
  }

  @Test("reports name the cassette by its path in the package and the command that records")
  func reportNamesRelativePath() async throws {
    try await withCaughtIssues { issues in
      try await runScope(.cassette("check-task-polling", unusedInteractions: .ignore), issues) {
        let tape = try #require(CassettePlayer.current)
        _ = try? await tape.transport.send(
          request("https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/nope/progress"))
      }
    } matching: { issue in
      let text = issue.comments.map(\.rawValue).joined()
      return text.hasPrefix("Tape: no interaction in cassettes/check-task-polling.json matches")
        && text.contains("`TAPE_RECORD=newEpisodes swift test --filter reportNamesRelativePath`")
    }
  }

  @Test("a replay failure the test lets through is reported once, with the test's command")
  func reportedOnce() async throws {
    let seen = Mutex<[String]>([])
    try await withCaughtIssues { issues in
      try await runScope(.cassette("check-task-polling", unusedInteractions: .ignore), issues) {
        let tape = try #require(CassettePlayer.current)
        _ = try await tape.transport.send(
          request("https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/nope/progress"))
      }
    } matching: { issue in
      let text = issue.comments.map(\.rawValue).joined()
      seen.withLock { $0.append(text) }
      return true
    }
    let texts = seen.withLock { $0 }
    #expect(texts.count == 1, "\(texts)")
    #expect(
      texts.first?.contains("`TAPE_RECORD=newEpisodes swift test --filter reportedOnce`") == true)
    #expect(!texts.contains { $0.contains("<the test>") })
  }

  @Test("a missing cassette names the command that records it (CI set: never records)")
  func missingCassetteHint() async throws {
    let missing =
      "cassettes/no/such-cassette.json: no such cassette. To record it: run "
      + "`TAPE_RECORD=once swift test --filter missingCassetteHint` where the service is "
      + "reachable (CI never records)."
    for (environment, expected) in [
      ([:], [missing]),
      (
        ["TAPE_RECORD": "once", "CI": "1"],
        ["TAPE_RECORD=once is ignored because CI is set: CI never records", missing]
      ),
    ] {
      var trait = CassetteTrait.cassette("no/such-cassette")
      trait.environment = environment
      let issues = CaughtIssues()
      try await runScope(trait, issues) {}
      #expect(issues.all.map { $0.comments.map(\.rawValue).joined() } == expected)
    }
  }

  @Test("a live token and password replay against the placeholders; the issue shows neither")
  func liveSecretsReplay() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let recorded = try exchange(
      "https://iam.example/v3/auth/tokens?X-Auth-Token=%3CX_AUTH_TOKEN%3E", method: "POST",
      requestBody: #"{"user": {"name": "u1", "password": "<PASSWORD>"}}"#, json: #"{"ok": true}"#)
    try CassetteFile.save(
      Cassette(interactions: [recorded]), to: folder.appending(path: "login.json"))
    var trait = CassetteTrait.cassette("login", unusedInteractions: .ignore)
    trait.environment = ["TAPE_CASSETTES": folder.path]
    let (token, password) = ("LIVE-token-0123456789", "hunter2-correct-horse")
    let live = { @Sendable (path: String) in
      request(
        "https://iam.example/v3/auth/\(path)?X-Auth-Token=\(token)", method: "POST",
        body: #"{"user": {"name": "u1", "password": "\#(password)"}}"#)
    }
    let statuses = Mutex<[Int]>([])
    let issueText = Mutex("")
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        let tape = try #require(CassettePlayer.current)
        let status = try await tape.transport.send(live("tokens")).1.statusCode
        statuses.withLock { $0.append(status) }
        _ = try? await tape.transport.send(live("other"))
      }
    } matching: { issue in
      issueText.withLock { $0 += issue.comments.map(\.rawValue).joined() }
      return true
    }
    #expect(statuses.withLock { $0 } == [200])
    let text = issueText.withLock { $0 }
    #expect(text.contains("/v3/auth/other?X-Auth-Token=<X_AUTH_TOKEN>"))
    #expect(!text.contains(token))
    #expect(!text.contains(password))
  }

  @Test("the unused-interaction report of a large cassette is a count and the first 20")
  func largeUnusedReport() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let interactions = try (0..<1000).map {
      try exchange("https://h.example/v1/items/\($0)", json: "{}")
    }
    try CassetteFile.save(
      Cassette(interactions: interactions), to: folder.appending(path: "big.json"))
    var trait = CassetteTrait.cassette("big")
    trait.environment = ["TAPE_CASSETTES": folder.path]
    let lines = Mutex<[String]>([])
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        let tape = try #require(CassettePlayer.current)
        _ = try await tape.transport.send(request("https://h.example/v1/items/0"))
      }
    } matching: { issue in
      lines.withLock {
        $0 = issue.comments.map(\.rawValue).joined().split(separator: "\n").map(String.init)
      }
      return issue.severity == .warning
    }
    let report = lines.withLock { $0 }
    #expect(report.count == 22)
    #expect(report.first?.hasPrefix("999 of 1000 interactions of ") == true)
    #expect(report.first?.hasSuffix("big.json were never requested; the first 20:") == true)
    #expect(report.dropFirst().first == "  #1 GET https://h.example/v1/items/1")
    #expect(report.last == "  ... and 979 more")
  }

  @Test("a fault that names nothing in the cassette is an issue, and the body does not run")
  func faultNamingNothing() async throws {
    let trait = CassetteTrait.cassette(
      "check-task-polling", faults: [.request("GET", path: "/v2/task/*/progress"): .status(500)])
    try await withCaughtIssues { issues in
      try await runScope(trait, issues) {
        Issue.record("the test body must not run with a fault that names nothing")
      }
    } matching: { issue in
      issue.comments.map(\.rawValue).joined().hasPrefix(
        "cassettes/check-task-polling.json: the fault for GET /v2/task/*/progress matches no "
          + "recorded request; the cassette's requests are GET /v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress (#0, #1, #2)"
      )
    }
  }

  /// The issue's case: two polls started together with `async let`, each delayed 5 s on a
  /// virtual clock. A real clock ends at 5 s; the trait runs the test in the clock's scope,
  /// so the virtual one does too, every time. A third poll after them waits 5 s more.
  @Test("concurrent polls' delays overlap on the trait's virtual clock, as on a real one")
  func concurrentDelaysInTrait() async throws {
    for _ in 0..<20 {
      let clock = VirtualClock()
      let trait = CassetteTrait.cassette(
        "check-task-polling", clock: ReplayClock(clock),
        faults: [0: .delay(.seconds(5)), 1: .delay(.seconds(5))],
        unusedInteractions: .ignore)
      try await runScope(trait) {
        let tape = try #require(CassettePlayer.current)
        let url =
          "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"
        async let first = tape.transport.send(request(url))
        async let second = tape.transport.send(request(url))
        _ = try await (first, second)
        #expect(clock.elapsed == .seconds(5))
        _ = try await tape.transport.send(request(url))
      }
      #expect(clock.elapsed == .seconds(10))
    }
  }

  @Test("URLSession replays run in the virtual clock's scope too; their waits add up there")
  func urlSessionInVirtualScope() async throws {
    let clock = VirtualClock()
    let trait = CassetteTrait.cassette(
      "check-task-polling", clock: ReplayClock(clock), faults: [0: .delay(.seconds(5))],
      unusedInteractions: .ignore)
    try await runScope(trait) {
      let session = try #require(CassettePlayer.current).makeURLSession()
      let url =
        "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"
      async let first = session.send(request(url))
      async let second = session.send(request(url))
      _ = try await (first, second)
      _ = try await session.send(request(url))
    }
    #expect(clock.elapsed == .seconds(10))
  }

  @Test("a suite trait gives each test case its own player; suites get none")
  func scopes() throws {
    let trait = CassetteTrait.cassette("check-task-polling")
    let test = try #require(Test.current)
    #expect(trait.isRecursive)
    #expect(trait.scopeProvider(for: test, testCase: nil) == nil)
    #expect(
      trait.scopeProvider(for: test, testCase: Test.Case.current)?.name == "check-task-polling")
  }

  @Test(
    "TAPE_RECORD picks the mode; CI forces none; a bad value is reported",
    arguments: [
      ([:], RecordMode.none, nil as String?),
      (["TAPE_RECORD": "once"], .once, nil),
      (["TAPE_RECORD": "newEpisodes"], .newEpisodes, nil),
      (["TAPE_RECORD": "all", "CI": "false"], .all, nil),
      (
        ["TAPE_RECORD": "all", "CI": "true"], .none,
        "TAPE_RECORD=all is ignored because CI is set: CI never records"
      ),
      (
        ["TAPE_RECORD": "sometimes"], .none,
        "TAPE_RECORD=sometimes is not one of none, once, newEpisodes, all; replaying only"
      ),
      (["TAPE_RECORD": "none", "CI": "1"], .none, nil),
    ])
  func recordMode(environment: [String: String], mode: RecordMode, note: String?) {
    let resolved = RecordMode.resolve(environment: environment)
    #expect(resolved.mode == mode)
    #expect(resolved.note == note)
  }

  @Test("the cassette folder is TAPE_CASSETTES, else cassettes/ beside Package.swift")
  func cassetteFolder() {
    #expect(
      CassetteLocation.directory(forTestFile: #filePath, environment: [:]).path
        == packageRoot.appending(path: "cassettes").path)
    #expect(
      CassetteLocation.directory(forTestFile: #filePath, environment: ["TAPE_CASSETTES": "/tmp/c"])
        .path
        == "/tmp/c")
  }
}

@Suite("Cassette trait on a suite", .cassette("check-task-polling", exhaustion: .fail))
struct CassetteSuiteTraitTests {
  let url =
    "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"

  @Test("each test starts the cassette from the beginning (first)")
  func first() async throws {
    let tape = try #require(CassettePlayer.current)
    for _ in 0..<4 { _ = try await tape.transport.send(request(url)) }
    #expect(tape.playCounts == [2, 1, 1])
  }

  @Test("each test starts the cassette from the beginning (second)")
  func second() async throws {
    let tape = try #require(CassettePlayer.current)
    let (data, _) = try await tape.transport.send(request(url))
    #expect(String(decoding: data, as: UTF8.self).contains(#""ratio":"0%""#))
    for _ in 0..<3 { _ = try await tape.transport.send(request(url)) }
  }
}

/// The issues a trait under test recorded, caught instead of recorded.
final class CaughtIssues: Sendable {
  /// One caught issue.
  struct Caught: Sendable {
    var comments: [Comment]
    var severity: Issue.Severity
  }

  private let caught = Mutex<[Caught]>([])

  /// Every issue caught so far.
  var all: [Caught] { caught.withLock { $0 } }

  func append(_ comment: Comment, _ severity: Issue.Severity) {
    caught.withLock { $0.append(Caught(comments: [comment], severity: severity)) }
  }
}
