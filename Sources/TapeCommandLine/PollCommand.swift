import CloudDrift
import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import HTTPTransportCore
import Synchronization
import Tape
import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape poll <api> [id] …`: polls one task until it finishes, printing each snapshot.
enum PollCommand {
  static let usage = """
    usage: tape poll <api> [id] [--workspace <id>] [--endpoint <url>|simulator | --region <r>]
                     [--interval <s>] [--deadline <s>] [--seed <n>] [--outcome <o>]
                     [--cassette <file> [--tenant <name>=<value>]... [--redact-... <name>]...
                                 [--corpus <dir>]]

    Polls one task of cpts, insight, quality, drs or check until it finishes. <id> is the
    task, resource or job id (none for cpts, which reads the project's imports).

    options:
      --workspace <id>     the workspace of an insight or quality task
      --endpoint <url>     one endpoint for every service (a gateway); 'simulator' starts
                           the built-in simulator in process and sends it the cloud's
                           requests (cn-north-4) with its own credentials: a cassette
                           keeps the cloud's URLs, and replays in tests written for them
      --region <r>         the region, such as cn-north-4 (default: HUAWEICLOUD_SDK_REGION)
      --interval <s>       the first backoff ceiling in seconds (default 2; cap 30)
      --deadline <s>       give up after this many seconds (default 900), a request
                           still waiting for its answer included
      --seed <n>           seed the jitter, for a reproducible schedule
      --outcome <o>        with the simulator: succeed, fail, partial, stop or timeOut
      --cassette <file>    record the session into this cassette (credentials redacted,
                           the bytes scanned for them before the file is written)
      --tenant <name>=<value>
                           with --cassette: write every occurrence of <value> (a project,
                           domain, workspace or user id) as tenant-<name>-scrubbed.
                           Repeatable: --tenant project_id=<id> --tenant domain_id=<id>
    \(RedactionArgument.help(width: 21, note: "Each repeatable, with --cassette only."))
      --corpus <dir>       with --cassette: also write fuzz seeds, each distinct successful
                           answer and each distinct drift (see tape record --help)
      -h, --help           print this text

    A recording ends with its drift report: how the answers differ from the models, per
    JSON path (kept in the cassette's metadata), and what changed since the cassette it
    replaces or the newest one of the same API beside it.

    Credentials come from the environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK
    (plus HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys), or HUAWEICLOUD_SDK_AUTH_TOKEN,
    or HUAWEICLOUD_SDK_USERNAME, HUAWEICLOUD_SDK_PASSWORD and HUAWEICLOUD_SDK_DOMAIN; and
    HUAWEICLOUD_SDK_PROJECT_ID.

    Redirects are followed only within the same origin (scheme, host and port). A redirect
    to another origin is not followed, so the credentials are never sent there: the poll
    ends with an error naming that origin (exit 1), and --cassette keeps the 3xx answer.
    An answer's body is read up to 64 MiB; past it the poll ends with an error naming the
    limit (exit 1), and the memory is let go.

    Progress lines and the final one go to standard output; notices, the recording's
    summary and drift report, and errors go to standard error.

    With --cassette, each exchange is also appended, redacted, to <file>.journal as it comes
    (a recovery file, deleted once the cassette is written; never commit it). Ctrl-C,
    SIGTERM or SIGHUP stops the poll and writes what was recorded (exit 130, 143 or 129).
    A session that recorded nothing never replaces a cassette. When the write is refused (a
    secret survived redaction) or the process was killed, the journal is left: the next
    tape poll --cassette <file> (add the --redact-... rule the refusal asks for) rebuilds
    the cassette from it instead of polling.

    \(ExitStatus.help([
      .success: "the task succeeded (and the cassette, if asked for, was written)",
      .negative:
        "the task failed, stopped, timed out or partially succeeded; or an error ended the "
        + "poll (such as a redirect to another origin, or a refused write)",
      .usage: "a usage error",
      .unusable: "the cassette or its journal cannot be written, or the simulator cannot start",
      .deadline: "the deadline passed",
    ], signals: "stopped by SIGHUP, Ctrl-C or SIGTERM, after writing what was recorded"))
    """

  /// The options, parsed.
  struct Options {
    var api: CloudAPI
    var id: String?
    var workspace: String?
    var endpoint: String?
    var region: String?
    var policy = PollingPolicy()
    var seed: UInt64?
    var outcome = TaskScript.Outcome.succeed
    var record: String?
    var tenants: [TenantIdentifier] = []
    /// The Huawei Cloud redactor with the tenants and the `--redact-...` rules added.
    var redactor = Redactor.huaweiCloud
    var corpus: String?
  }

  /// Polls as `arguments` say; `print` receives each line as it comes (a rewritten line when
  /// `isTerminal`).
  /// `until` returns when the process is asked to stop (Ctrl-C, SIGTERM, SIGHUP): the poll
  /// stops, the request in flight is cancelled, and what was recorded is written.
  /// `command` is how messages name the command to run again (`tape record check`).
  static func run(
    _ arguments: [String], environment: [String: String], isTerminal: Bool,
    print: @escaping @Sendable (String) -> Void, until: (@Sendable () async -> Void)? = nil,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    command: String = "tape poll --cassette", usage: String = PollCommand.usage
  ) async -> CommandOutcome {
    var options: Options
    let task: TaskReference
    let onSimulator: Bool
    let configuration: ClientConfiguration?
    do {
      options = try parse(arguments)
      onSimulator = options.endpoint == "simulator"
      if onSimulator {
        // The simulator serves whatever task is asked for; ids are optional there.
        options.id = options.api == .cpts ? simulatorProject : (options.id ?? "task-1")
        options.workspace = options.workspace ?? "workspace-1"
      }
      task = try reference(options)
      configuration = onSimulator ? nil : try cloudConfiguration(options, environment: environment)
    } catch {
      return error.outcome(usage: usage)
    }
    let metadata = ["origin": "recorded", "recordedWith": "tape poll --cassette"]
    var recorder: CassetteRecorder?
    if let path = options.record {
      let file = URL(fileURLWithPath: path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        return .unusable(
          "\(path) is a directory: --cassette names the cassette file to write (nothing was "
            + "polled)")
      }
      do {
        // A journal an earlier session left: that session is written, and nothing polled.
        if let recovery = try CassetteRecorder.recoverJournal(
          beside: file, named: path, redactor: options.redactor, environment: environment,
          drift: .huaweiCloud)
        {
          return CommandOutcome(
            .success,
            errorOutput: "\(recovery)\nnothing was polled: run \(command) again to record a "
              + "new session\n")
        }
        let session = CassetteRecorder(
          redactor: options.redactor, environment: environment, drift: .huaweiCloud)
        try session.startJournal(beside: file, metadata: metadata)
        recorder = session
      } catch {
        var message = "error: \(error)\n"
        if FileManager.default.fileExists(atPath: RecordingJournal.url(for: file).path) {
          message += JournalNotice.kept(path, command: command)
        }
        return CommandOutcome(ExitStatus.of(error), errorOutput: message)
      }
      report(JournalNotice.started(path))
      Interruption.whenStoppedAtOnce(JournalNotice.stoppedAtOnce(path, command: command))
    }
    let live = isTerminal ? LiveLine(print: print) : nil
    var outcome: CommandOutcome
    if let configuration {
      outcome = await runOnCloud(
        options, configuration: configuration, task: task, live: live, recorder: recorder,
        print: print, until: until)
    } else {
      outcome = await runOnSimulator(
        options, task: task, live: live, recorder: recorder, print: print, report: report,
        until: until)
    }
    if let recorder, let path = options.record {
      outcome.errorOutput += JournalNotice.failure(of: recorder)
      do {
        let summary = try recorder.write(
          to: URL(fileURLWithPath: path), named: path, metadata: metadata)
        outcome.errorOutput += "\(summary)\n"
        if let corpus = options.corpus {
          let count = try RecordedSeeds.write(
            of: recorder, corpus: URL(fileURLWithPath: corpus, isDirectory: true))
          outcome.errorOutput += "\(count) new fuzz seed\(count == 1 ? "" : "s") in \(corpus)\n"
        }
      } catch {
        outcome.errorOutput += "error: \(error)\n"
        if FileManager.default.fileExists(
          atPath: RecordingJournal.url(for: URL(fileURLWithPath: path)).path)
        {
          outcome.errorOutput += JournalNotice.kept(path, command: command, after: error)
        }
        if outcome.status == 0 { outcome.status = ExitStatus.of(error).rawValue }
      }
      Interruption.whenStoppedAtOnce("")
    }
    return outcome
  }

  /// The transport of a session: plain sockets for an http:// endpoint, URLSession for the
  /// cloud, following no redirect to another origin and reading at most 64 MiB of a body,
  /// recording into `recorder` when there is one (a refused redirect is recorded as answered).
  private static func transport(_ recorder: CassetteRecorder?) -> any HTTPTransport {
    guard let recorder else { return DirectTransport() }
    return RecordingTransport(upstream: DirectTransport(), recorder: recorder)
  }

  /// The client's configuration from the environment and the options, or the usage error
  /// that says what is missing (checked before anything starts).
  private static func cloudConfiguration(_ options: Options, environment: [String: String])
    throws(Stop) -> ClientConfiguration
  {
    do {
      return try ClientConfiguration.fromEnvironment(
        environment, endpoint: options.endpoint.flatMap(URL.init(string:)),
        region: options.region)
    } catch {
      throw usageError(
        "cannot poll without an endpoint and credentials: \(error.description)"
          + " (or try --endpoint simulator)")
    }
  }

  private static func runOnCloud(
    _ options: Options, configuration: ClientConfiguration, task: TaskReference,
    live: LiveLine?, recorder: CassetteRecorder?, print: @escaping @Sendable (String) -> Void,
    until: (@Sendable () async -> Void)?
  ) async -> CommandOutcome {
    await poll(
      ProgressClient(
        configuration: configuration, transport: transport(recorder),
        clock: live?.clock() ?? .system), task,
      options.policy, seed: options.seed, live: live, print: print, until: until)
  }

  /// The project the built-in simulator's client uses (also its CPTS task).
  static let simulatorProject = "0123456789abcdef0123456789abcdef"
  /// The region whose endpoints a session on the built-in simulator is recorded as.
  static let simulatorRegion = "cn-north-4"

  private static func runOnSimulator(
    _ options: Options, task: TaskReference, live: LiveLine?, recorder: CassetteRecorder?,
    print: @escaping @Sendable (String) -> Void, report: @Sendable (String) -> Void,
    until: (@Sendable () async -> Void)?
  ) async -> CommandOutcome {
    let simulator: CloudSimulator
    do {
      simulator = try CloudSimulator.start(
        scenario: SimulatorScenario(tasks: [
          TaskScript(
            api: options.api, id: options.id ?? simulatorProject, outcome: options.outcome,
            polls: 3)
        ]))
    } catch {
      return .unusable("cannot start the simulator: \(error)")
    }
    // The requests keep the cloud's URLs (cn-north-4) and go to the simulator, as `tape
    // record all` sends them: a cassette recorded here replays in tests written against the
    // cloud, whatever port the simulator had. A token, since an AK/SK signature covers the
    // host it was made for.
    let account = SimulatorScenario.defaultAccount
    let token: String
    do {
      token = try await RecordCommand.issueToken(
        simulator.baseURL, user: account.user, account.password)
    } catch {
      await simulator.stop()
      return .unusable("cannot get a token from the simulator: \(error)")
    }
    recorder?.addLiveSecret(token)
    let standIn = StandInTransport(at: simulator.baseURL, through: DirectTransport())
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: simulatorRegion), projectID: simulatorProject,
      credentials: .token(Secret(token)),
      transport: recorder.map { RecordingTransport(upstream: standIn, recorder: $0) } ?? standIn,
      clock: live?.clock() ?? .system)
    report(
      "simulator on \(simulator.baseURL.absoluteString), standing in for the cloud's "
        + "\(simulatorRegion) endpoints\n")
    let outcome = await poll(
      client, task, options.policy, seed: options.seed, live: live, print: print, until: until)
    await simulator.stop()
    return outcome
  }

  /// How a poll ended.
  private enum PollEnd: Sendable {
    /// The task finished, or an error ended the poll.
    case finished(CommandOutcome)
    /// The deadline passed, a request perhaps still waiting for its answer.
    case deadlinePassed
    /// The process was asked to stop.
    case interrupted
  }

  /// What a poll has seen so far: the latest snapshot and how many there were.
  private final class Seen: Sendable {
    let state = Mutex<(last: TaskProgress?, polls: Int)>((nil, 0))
  }

  /// Polls until the task finishes, an error ends it, the deadline passes (on the real
  /// clock, whatever the request in flight is doing: it is cancelled) or `until` returns.
  static func poll(
    _ client: ProgressClient, _ task: TaskReference, _ policy: PollingPolicy, seed: UInt64?,
    live: LiveLine?, print: @escaping @Sendable (String) -> Void,
    until: (@Sendable () async -> Void)? = nil
  ) async -> CommandOutcome {
    let seen = Seen()
    let end = await withTaskGroup(of: PollEnd?.self) { group -> PollEnd in
      group.addTask {
        await pollUntilDone(client, task, policy, seed: seed, live: live, seen: seen, print: print)
      }
      if let deadline = policy.deadline {
        group.addTask {
          do { try await Task.sleep(for: deadline) } catch { return nil }
          return .deadlinePassed
        }
      }
      if let until {
        group.addTask {
          await until()
          return Task.isCancelled ? nil : .interrupted
        }
      }
      var end = PollEnd.interrupted
      for await result in group {
        guard let result else { continue }
        end = result
        break
      }
      group.cancelAll()
      return end
    }
    let (last, polls) = seen.state.withLock { $0 }
    switch end {
    case .finished(let outcome):
      return outcome
    case .deadlinePassed:
      if live != nil { print("\n") }
      let error = ProgressClientError.deadlineExceeded(after: policy.deadline ?? .zero, last: last)
      return CommandOutcome(.deadline, errorOutput: "error: \(error)\n")
    case .interrupted:
      if live != nil { print("\n") }
      let signal = Interruption.signal.map(Interruption.name(of:)) ?? "a stop request"
      return CommandOutcome(
        status: Interruption.exitStatus, output: "",
        errorOutput: "stopped by \(signal) after \(polls) poll\(polls == 1 ? "" : "s")\n")
    }
  }

  /// The poll itself; nil when it was cancelled.
  private static func pollUntilDone(
    _ client: ProgressClient, _ task: TaskReference, _ policy: PollingPolicy, seed: UInt64?,
    live: LiveLine?, seen: Seen, print: @Sendable (String) -> Void
  ) async -> PollEnd? {
    let isTerminal = live != nil
    let started = ContinuousClock.now
    let random = SeededGenerator(seed: seed ?? UInt64.random(in: 0...UInt64.max))
    var iterator = client.poll(task, policy: policy, random: random).makeAsyncIterator()
    var last: TaskProgress?
    var polls = 0
    do {
      while let progress = try await iterator.next() {
        polls += 1
        last = progress
        seen.state.withLock { $0 = (progress, polls) }
        let elapsed = (ContinuousClock.now - started).seconds
        var line = "[\(format(elapsed))s] \(task): \(progress)"
        if !iterator.wireAnomalies.isEmpty {
          line += " [\(iterator.wireAnomalies.count) wire anomalies]"
        }
        if let live {
          live.show(line, nextPollIn: iterator.nextPollIn)
        } else {
          if let next = iterator.nextPollIn { line += " (\(LiveLine.describe(next)))" }
          print(line + "\n")
        }
      }
    } catch is CancellationError {
      return nil
    } catch let error as ProgressClientError {
      if Task.isCancelled { return nil }
      if isTerminal { print("\n") }
      if case .deadlineExceeded = error {
        return .finished(CommandOutcome(.deadline, errorOutput: "error: \(error)\n"))
      }
      return .finished(CommandOutcome(.negative, errorOutput: "error: \(error)\n"))
    } catch {
      if Task.isCancelled { return nil }
      if isTerminal { print("\n") }
      return .finished(CommandOutcome(.negative, errorOutput: "error: \(error)\n"))
    }
    if isTerminal { print("\n") }
    let phase = last?.phase ?? .unknown
    let summary =
      "\(task) \(phase == .succeeded ? "succeeded" : "ended: \(phase.rawValue)") after "
      + "\(polls) polls\n"
    return .finished(
      CommandOutcome(phase == .succeeded ? .success : .negative, output: summary))
  }

  /// Ends a command early: a usage error, or a request for the help text. The command that
  /// runs the poll (`tape poll`, `tape record`) turns it into an outcome with its own usage.
  enum Stop: Error {
    case usage(String)
    case help

    /// The outcome, with `usage` as the command's help text.
    func outcome(usage: String) -> CommandOutcome {
      switch self {
      case .usage(let message): .usageError(message, usage: usage)
      case .help: .success(usage)
      }
    }
  }

  private static func usageError(_ message: String) -> Stop {
    .usage(message)
  }

  private static func reference(_ options: Options) throws(Stop) -> TaskReference {
    if options.api == .cpts { return .cpts }
    guard let id = options.id else {
      throw usageError("\(options.api) needs a task id")
    }
    switch options.api {
    case .insight, .quality:
      guard let workspace = options.workspace else {
        throw usageError("\(options.api) needs --workspace")
      }
      return options.api == .insight
        ? .insight(taskID: id, workspaceID: workspace)
        : .quality(resourceID: id, workspace: workspace)
    case .drs: return .drs(jobID: id)
    default: return .check(taskID: id)
    }
  }

  static func parse(_ arguments: [String]) throws(Stop) -> Options {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments,
        valueOptions: [
          "--workspace", "--endpoint", "--region", "--interval", "--deadline", "--seed",
          "--outcome", "--cassette", "--record", "--corpus",
        ],
        flagOptions: ["--help", "-h"],
        repeatableOptions: RedactionArgument.names.union([TenantArgument.option]))
    } catch {
      throw usageError(error.message)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { throw .help }
    guard let name = scanner.positionals.first else {
      throw usageError("no API given")
    }
    guard let api = CloudAPI(rawValue: name) else {
      throw usageError(
        "unknown API '\(name)': use one of "
          + CloudAPI.allCases.map(\.rawValue).joined(separator: ", "))
    }
    guard scanner.positionals.count <= 2 else {
      throw usageError("unexpected argument '\(scanner.positionals[2])'")
    }
    var options = Options(api: api, id: scanner.positionals.dropFirst().first)
    options.workspace = scanner.options["--workspace"]
    options.endpoint = scanner.options["--endpoint"]
    options.region = scanner.options["--region"]
    if let old = scanner.options["--record"] {
      throw usageError(
        "--record \(old) is now --cassette \(old): --cassette is the name every tape command "
          + "gives the cassette it writes")
    }
    options.record = scanner.options["--cassette"]
    options.corpus = scanner.options["--corpus"]
    if options.corpus != nil, options.record == nil {
      throw usageError("--corpus writes the seeds of a recording: give it with --cassette")
    }
    do {
      options.tenants = try TenantArgument.identifiers(in: scanner)
    } catch {
      throw usageError(error.message)
    }
    if !options.tenants.isEmpty, options.record == nil {
      throw usageError("--tenant scrubs a recording: give it with --cassette")
    }
    if RedactionArgument.isGiven(in: scanner), options.record == nil {
      throw usageError("--redact-... rules redact a recording: give them with --cassette")
    }
    do {
      options.redactor = try RedactionArgument.redactor(
        Redactor.huaweiCloud.adding(tenantIdentifiers: options.tenants), in: scanner)
    } catch {
      throw usageError(error.message)
    }
    if options.endpoint != nil, options.region != nil {
      throw usageError("give --endpoint or --region, not both")
    }
    for (flag, apply) in [
      (
        "--interval",
        { (options: inout Options, value: Double) in
          options.policy.initialInterval = .milliseconds(Int(value * 1000))
        }
      ),
      (
        "--deadline",
        { (options: inout Options, value: Double) in
          options.policy.deadline = .milliseconds(Int(value * 1000))
        }
      ),
    ] {
      guard let text = scanner.options[flag] else { continue }
      guard let value = Double(text), value.isFinite, value >= 0, value < 1e9 else {
        throw usageError("\(flag) must be a number of seconds, got '\(text)'")
      }
      apply(&options, value)
    }
    if let text = scanner.options["--seed"] {
      guard let seed = UInt64(text) else {
        throw usageError("--seed must be a whole number, got '\(text)'")
      }
      options.seed = seed
    }
    if let text = scanner.options["--outcome"] {
      guard let outcome = TaskScript.Outcome(rawValue: text) else {
        throw usageError(
          "--outcome must be one of "
            + TaskScript.Outcome.allCases.map(\.rawValue).joined(separator: ", ")
            + ", got '\(text)'")
      }
      guard options.endpoint == "simulator" else {
        throw usageError("--outcome needs --endpoint simulator")
      }
      options.outcome = outcome
    }
    return options
  }

  private static func format(_ seconds: Double) -> String {
    seconds.formatted(.number.precision(.fractionLength(1)))
  }
}

extension Duration {
  /// The duration in seconds.
  fileprivate var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
