import CloudDrift
import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import HTTPTransportCore
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape record <api> [id] ...` records one task's session against the live cloud or any
/// stand-in; `tape record all [--out DIR]` (a maintainers' task, not in the help) records a
/// polling session of every API against the built-in simulator into the package's
/// cassettes.
enum RecordCommand {
  static let usage = """
    usage: tape record <api> [id] [--workspace <id>] --endpoint <url>|simulator | --region <r>
                       [--cassette <file>] [poll options]

    Polls one task of cpts, insight, quality, drs or check until it finishes, as tape poll
    does (the same options, and credentials from the environment: see tape poll --help),
    and records the session into a cassette: --cassette <file>, or by default
    cassettes/<api>[-<id>].json. --endpoint simulator records against the built-in
    simulator. Every credential is redacted and the bytes are scanned for secrets before
    anything is written. A redirect to another origin is not followed (the credentials are
    never sent there): the cassette keeps the 3xx answer with its Location, and the
    recording ends with an error naming that origin (exit 1).

    Every recording reports its drift once at the end (on standard error): each answer is
    read with the models, and members they do not know, documented members that never
    came, undocumented enum values, wire anomalies (documented type, JSON type that came)
    and answers that did not decode are printed per API and JSON path, and kept in the
    cassette's metadata (one "drift <api>: <kind>" entry per kind, listing the paths). When
    the cassette replaces one, or another cassette of the same API lies beside it, what
    changed since that one is printed too: members added or gone, a member's JSON type, new
    status values, new error codes.

    options:
      --cassette <file>  where to write (default: cassettes/<api>[-<id>].json)
      --corpus <dir>     also write fuzz seeds: each distinct successful body as
                         <dir>/<api>/seeds/recorded-<hash>-<status>.json, and each distinct
                         drift as drifted-<hash>-<status>.json
      -h, --help         print this text
      (and every option of tape poll)

    Ctrl-C, SIGTERM or SIGHUP stops polling and writes what was recorded (its journal and
    --redact-... options as tape poll --cassette has them). A session that recorded nothing
    never replaces a cassette.

    \(ExitStatus.help([
      .success: "the task succeeded and the cassette was written",
      .negative:
        "the task did not succeed (the cassette is written all the same), or the write was "
        + "refused (a secret survived redaction)",
      .usage: "a usage error",
      .unusable: "the cassette or its journal cannot be written, or the simulator cannot start",
      .deadline: "the deadline passed",
    ], signals: "stopped by SIGHUP, Ctrl-C or SIGTERM, after writing what was recorded"))
    """

  /// The help of `tape record all`, the maintainers' task that regenerates the package's
  /// own cassettes (not listed in `tape --help`).
  static let maintainerUsage = """
    usage: tape record all [--out <dir>] [--corpus <dir>]

    For the maintainers of Tape: starts the built-in simulator in process and records one
    polling session of each API (cpts, insight, quality, drs, check) into <dir> (default:
    cassettes/simulator), one per API, named as the package's cassettes are. Requests keep
    the cloud's URLs (https://<service>.cn-north-4.myhuaweicloud.com/...); they are sent to
    the simulator. The simulator runs its documentedTraps scenario on virtual time with a
    seeded jitter, so the offsets are the client's real schedule and a re-record differs
    only in recordedAt (--out cassettes writes the package's own five again).

    options:
      --out <dir>     where to write the cassettes (default: cassettes/simulator)
      --corpus <dir>  also write fuzz seeds of each distinct answer and drift
      -h, --help      print this text

    Ctrl-C, SIGTERM or SIGHUP finishes the session under way (it runs on virtual time),
    writes it, and records no more.

    \(ExitStatus.help([
      .success: "every cassette written",
      .negative: "a recording failed or its write was refused",
      .usage: "a usage error",
      .unusable: "a cassette cannot be written",
    ], signals: "stopped by SIGHUP, Ctrl-C or SIGTERM, after writing the session under way"))
    """

  /// One API's recorded session: the cassette, the task it polls, and the requests sent
  /// before polling (a wrong id, answered with the service's documented error).
  struct Session: Sendable {
    var api: CloudAPI
    var cassette: String
    var task: TaskReference
    var wrongFirst: TaskReference?
  }

  /// The sessions `record all` records, one per API, into the package's cassette names.
  static let sessions: [Session] = [
    Session(api: .cpts, cassette: "cpts-import-polling", task: .cpts),
    Session(
      api: .insight, cassette: "insight-import-polling",
      task: .insight(
        taskID: "2406a337-xxxx-a5b2-b01a61d2043b", workspaceID: "12913c92-xxxx-b8fd-a72af3945b61")
    ),
    Session(
      api: .quality, cassette: "quality-export-polling",
      task: .quality(resourceID: "9f8e7d6c-0000-4000-8000-000000000002", workspace: "0a1b2c3d4e5f")
    ),
    Session(
      api: .drs, cassette: "drs-template-progress",
      task: .drs(jobID: "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"),
      wrongFirst: .drs(jobID: "00000000-0000-0000-0000-000000000000")),
    Session(
      api: .check, cassette: "check-task-polling",
      task: .check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")),
  ]

  static let project = "0123456789abcdef0123456789abcdef"

  static func run(
    _ arguments: [String], environment: [String: String] = [:],
    print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: (@Sendable () async -> Void)? = nil
  ) async -> CommandOutcome {
    if let first = arguments.first, let api = CloudAPI(rawValue: first) {
      return await recordOne(
        api, Array(arguments.dropFirst()), environment: environment, print: print,
        report: report, until: until)
    }
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--out", "--corpus"], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    let apis = CloudAPI.allCases.map(\.rawValue).joined(separator: ", ")
    if scanner.positionals == ["all"], !scanner.flags.isDisjoint(with: ["--help", "-h"]) {
      return .success(maintainerUsage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals == ["all"] else {
      return .usageError(
        scanner.positionals.isEmpty
          ? "say which API to record: one of \(apis)"
          : "unknown API '\(scanner.positionals.joined(separator: " "))': use one of \(apis)",
        usage: usage)
    }
    let folder = URL(
      fileURLWithPath: scanner.options["--out"] ?? "cassettes/simulator", isDirectory: true)
    let corpus = scanner.options["--corpus"].map { URL(fileURLWithPath: $0, isDirectory: true) }
    for (index, session) in sessions.enumerated() {
      // Asked to stop: the session under way was finished and written (on virtual time it
      // takes a moment), and no other is started.
      if Interruption.isRequested {
        let rest = sessions[index...].map(\.api.rawValue).joined(separator: ", ")
        let signal = Interruption.signal.map(Interruption.name(of:)) ?? "a stop request"
        return CommandOutcome(
          status: Interruption.exitStatus, output: "",
          errorOutput: "stopped by \(signal): \(rest) not recorded\n")
      }
      do {
        report(try await record(session, into: folder, corpus: corpus))
      } catch {
        return CommandOutcome(ExitStatus.of(error), errorOutput: "error: \(error)\n")
      }
    }
    if Interruption.isRequested {
      return CommandOutcome(status: Interruption.exitStatus, output: "", errorOutput: "")
    }
    return CommandOutcome(.success)
  }

  /// `tape record <api> [id] ... [--cassette FILE]`: `tape poll ... --cassette FILE`, with the
  /// file named after the task by default.
  static func recordOne(
    _ api: CloudAPI, _ arguments: [String], environment: [String: String],
    print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: (@Sendable () async -> Void)? = nil
  ) async -> CommandOutcome {
    if !Set(arguments).isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    if arguments.contains(where: { $0 == "--out" || $0.hasPrefix("--out=") }) {
      return .usageError(
        "--out is now --cassette <file>, the name every tape command gives the cassette it "
          + "writes", usage: usage)
    }
    // The options as tape poll reads them; a usage error shows this command's usage.
    let options: PollCommand.Options
    do {
      options = try PollCommand.parse([api.rawValue] + arguments)
    } catch {
      return error.outcome(usage: usage)
    }
    var rest = arguments
    if options.record == nil {
      let id = options.id
      let name = [api.rawValue, id].compactMap { $0 }.joined(separator: "-")
      guard !name.contains("/"), !name.contains("..") else {
        return .usageError(
          "the id '\(id ?? "")' cannot name a file; give --cassette <file>", usage: usage)
      }
      rest += ["--cassette", "cassettes/\(name).json"]
    }
    return await PollCommand.run(
      [api.rawValue] + rest, environment: environment, isTerminal: false,
      print: print, until: until, report: report, command: "tape record \(api.rawValue)",
      usage: usage)
  }

  /// Records one API's session into `folder`; returns the line that says what was written.
  static func record(
    _ session: Session, into folder: URL,
    corpus: URL? = nil
  ) async throws -> String {
    let time = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
    let start = time.withLock { $0 }
    let simulator = try CloudSimulator.start(
      scenario: .documentedTraps,
      clock: SimulatorClock(now: { time.withLock { $0 } }, sleep: { _ in }))
    defer { simulator.beginStop() }
    let account = SimulatorScenario.defaultAccount
    let token = try await issueToken(simulator.baseURL, user: account.user, account.password)
    let recorder = CassetteRecorder(
      redactor: .huaweiCloud, liveSecrets: [token],
      elapsed: {
        .milliseconds(Int64((time.withLock { $0 }.timeIntervalSince(start) * 1000).rounded()))
      }, drift: .huaweiCloud)
    let transport = RecordingTransport(
      upstream: StandInTransport(at: simulator.baseURL, through: SameOriginTransport.shared),
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
    if let wrong = session.wrongFirst {
      do {
        _ = try await client.progress(of: wrong)
        throw RecordingError(
          file: session.cassette + ".json",
          problem: .unrecordable("\(wrong) was answered; the session expects the service's error"))
      } catch let error as ProgressClientError {
        phases.append(error.cloudError?.code ?? "\(error)")
      }
    }
    for try await progress in client.poll(
      session.task, policy: PollingPolicy(), random: SeededGenerator(seed: 1))
    {
      phases.append(progress.description)
    }
    await simulator.stop()
    let file = folder.appending(path: session.cassette + ".json")
    let summary = try recorder.write(
      to: file, named: file.path,
      metadata: [
        "origin": "recorded",
        "recordedWith": "swift run tape record all",
        "source":
          "the built-in simulator (CloudSimulator, scenario documentedTraps), on virtual time",
      ])
    var seeds = ""
    if let corpus {
      let count = try RecordedSeeds.write(of: recorder, corpus: corpus)
      seeds = "; \(count) new seed\(count == 1 ? "" : "s")"
    }
    return
      "\(summary.headline)\(seeds); polls: \(phases.joined(separator: " -> "))\n"
      + "\(summary.driftText)\n"
  }

  /// A token from the simulator's IAM (this request is not recorded).
  static func issueToken(_ base: URL, user: String, _ password: String) async throws
    -> String
  {
    var request = URLRequest(url: base.appending(path: "v3/auth/tokens"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(user)","password":"\#(password)","domain":{"name":"tape"}}}},"scope":{"project":{"id":"\#(project)"}}}}"#
        .utf8)
    let (_, response) = try await SameOriginTransport.shared.send(request)
    guard let token = response.value(forHTTPHeaderField: "X-Subject-Token") else {
      throw URLError(.userAuthenticationRequired)
    }
    return token
  }
}
