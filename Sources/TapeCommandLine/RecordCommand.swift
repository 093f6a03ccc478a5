import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape record all [--out DIR]`: records a polling session of every API against the
/// built-in simulator, started in process, into one cassette per API.
enum RecordCommand {
  static let usage = """
    usage: tape record all [--out <dir>] [--corpus <dir>]

    Starts the built-in simulator in process and records one polling session of each API
    (cpts, insight, quality, drs, check) into <dir> (default: cassettes/simulator), one per
    API, named as the package's cassettes are. Requests keep the cloud's URLs
    (https://<service>.cn-north-4.myhuaweicloud.com/...); they are sent to the simulator.
    The session runs on virtual time with a seeded jitter, so the offsets are the client's
    real schedule and a re-record differs only in recordedAt and Date headers. Every credential is
    redacted and the bytes are scanned for secrets before anything is written. Every
    answer is decoded with the models: new fields, wire anomalies, unknown status values and
    decode failures are printed as the drift and kept in the cassette's metadata.

    options:
      --out <dir>     where to write the cassettes (default: cassettes/simulator)
      --corpus <dir>  also write each distinct successful body as a fuzz seed,
                      <dir>/<api>/seeds/recorded-<hash>.json (deduplicated by content)
      -h, --help      print this text

    Exit status: 0 every cassette written, 1 a recording failed, 2 usage error.

    """

  /// The cassette each API's session is recorded into, with the task it polls.
  static let sessions: [(api: CloudAPI, cassette: String, task: TaskReference)] = [
    (.cpts, "cpts-import-polling", .cpts),
    (
      .insight, "insight-import-polling",
      .insight(
        taskID: "2406a337-xxxx-a5b2-b01a61d2043b", workspaceID: "12913c92-xxxx-b8fd-a72af3945b61")
    ),
    (
      .quality, "quality-export-polling",
      .quality(resourceID: "9f8e7d6c-0000-4000-8000-000000000002", workspace: "0a1b2c3d4e5f")
    ),
    (.drs, "drs-template-progress", .drs(jobID: "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r")),
    (.check, "check-task-polling", .check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")),
  ]

  static let project = "0123456789abcdef0123456789abcdef"

  static func run(_ arguments: [String], print: @escaping @Sendable (String) -> Void) async
    -> CommandOutcome
  {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--out", "--corpus"], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals == ["all"] else {
      return .usageError(
        scanner.positionals.isEmpty
          ? "say what to record: 'all'"
          : "unknown recording '\(scanner.positionals.joined(separator: " "))': use 'all'",
        usage: usage)
    }
    let folder = URL(
      fileURLWithPath: scanner.options["--out"] ?? "cassettes/simulator", isDirectory: true)
    let corpus = scanner.options["--corpus"].map { URL(fileURLWithPath: $0, isDirectory: true) }
    for session in sessions {
      do {
        print(try await record(session, into: folder, corpus: corpus))
      } catch {
        return .failure("\(error)")
      }
    }
    return CommandOutcome(status: 0, output: "", errorOutput: "")
  }

  /// Records one API's session into `folder`; returns the line that says what was written.
  static func record(
    _ session: (api: CloudAPI, cassette: String, task: TaskReference), into folder: URL,
    corpus: URL? = nil
  ) async throws -> String {
    let time = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
    let start = time.withLock { $0 }
    let simulator = try CloudSimulator.start(
      scenario: .standard,
      clock: SimulatorClock(now: { time.withLock { $0 } }, sleep: { _ in }))
    defer { simulator.beginStop() }
    let account = SimulatorScenario.defaultAccount
    let token = try await issueToken(simulator.baseURL, user: account.user, account.password)
    let recorder = CassetteRecorder(
      liveSecrets: [token],
      elapsed: {
        .milliseconds(Int64((time.withLock { $0 }.timeIntervalSince(start) * 1000).rounded()))
      })
    let transport = RecordingTransport(
      upstream: SimulatorRedirect(simulator: simulator.baseURL, upstream: URLSession.shared),
      recorder: recorder)
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret(token)), transport: transport,
      clock: ClientClock(
        now: { time.withLock { $0 } },
        sleep: { duration in
          let (seconds, attoseconds) = duration.components
          time.withLock { $0 += Double(seconds) + Double(attoseconds) / 1e18 }
        }))
    var phases: [String] = []
    for try await progress in client.poll(
      session.task, policy: PollingPolicy(), random: SeededGenerator(seed: 1))
    {
      phases.append(progress.description)
    }
    await simulator.stop()
    let file = folder.appending(path: session.cassette + ".json")
    let drift = DriftReport(api: session.api, interactions: recorder.interactions)
    let summary = try recorder.write(
      to: file, named: file.path,
      metadata: [
        "drift": drift.summary,
        "origin": "recorded",
        "recordedWith": "swift run tape record all",
        "source": "the built-in simulator (CloudSimulator, scenario standard), on virtual time",
      ])
    var seeds = ""
    if let corpus {
      let count = try RecordedSeeds.write(recorder.interactions, api: session.api, corpus: corpus)
      seeds = "; \(count) new seed\(count == 1 ? "" : "s")"
    }
    return
      "\(summary)\(seeds); polls: \(phases.joined(separator: " -> ")); drift: \(drift.summary)\n"
  }

  /// A token from the simulator's IAM (this request is not recorded).
  private static func issueToken(_ base: URL, user: String, _ password: String) async throws
    -> String
  {
    var request = URLRequest(url: base.appending(path: "v3/auth/tokens"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(user)","password":"\#(password)","domain":{"name":"tape"}}}},"scope":{"project":{"id":"\#(project)"}}}}"#
        .utf8)
    let (_, response) = try await URLSession.shared.send(request)
    guard let token = response.value(forHTTPHeaderField: "X-Subject-Token") else {
      throw URLError(.userAuthenticationRequired)
    }
    return token
  }
}
