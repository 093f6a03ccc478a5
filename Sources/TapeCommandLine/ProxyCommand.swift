import CloudDrift
import CloudSigning
import CloudSimulator
import Foundation
import HTTPTransportCore
import Tape
import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape proxy --upstream URL|simulator --cassette FILE`: a recording reverse proxy.
enum ProxyCommand {
  static let usage = """
    usage: tape proxy --upstream <url>|simulator --cassette <file>
                      [--record once|newEpisodes|all] [--port <port>]
                      [--tenant <name>=<value>]... [--redact-... <name>]... [--corpus <dir>]

    A reverse proxy on 127.0.0.1 that records what any client sends to the upstream (point
    the client's endpoint at the printed URL) and writes the cassette when stopped (Ctrl-C,
    SIGTERM or SIGHUP), credentials redacted. 'simulator' starts the built-in simulator as
    the upstream. A redirect to another origin is never followed (the forwarded credentials
    are not sent there): the client gets the 3xx, and the cassette keeps it. An answer
    whose body passes 64 MiB is not forwarded: the client gets a 502 saying so. A request the
    client signed with AK/SK is signed again for the upstream (the signature covers the
    host) with HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (the simulator's own key for
    'simulator'); without them it goes as signed, and the upstream refuses it: the proxy
    says so at start-up and beside each 401. Record modes:
      once         (the default) record when the cassette does not exist; when it does,
                   replay it on --port and forward nothing: a request it does not
                   answer gets 404 with the near-miss report (as tape serve answers),
                   and the cassette is left as it is
      newEpisodes  replay what the cassette answers; forward and append the rest
      all          forward everything and write a new cassette

    Nothing recorded is lost: each exchange is appended, redacted, to <file>.journal as it
    comes (a recovery file, deleted once the cassette is written; never commit it). After
    kill -9, a second Ctrl-C during the write, or a refused write (a secret survived
    redaction: add the --redact-... rule it asks for), the next tape proxy on the same
    cassette rebuilds it from the journal before it starts. A session that recorded nothing
    never replaces a cassette.

    options:
      --upstream <url>     where requests go: a base URL, or 'simulator'
      --cassette <file>    the cassette to record to (or replay from)
      --record <mode>      once, newEpisodes or all
      --port <port>        the port to listen on; 0 (the default) picks a free one
      \(PortFile.help(column: 23))
      --tenant <name>=<value>
                           scrub a tenant identifier (a project, domain, workspace or
                           user id): every occurrence of <value> in URLs, headers and
                           bodies is written as tenant-<name>-scrubbed; when replaying,
                           <value> is put back and matched as that placeholder.
                           Repeatable: --tenant project_id=<id> --tenant domain_id=<id>
    \(RedactionArgument.help(width: 21, note: "Each repeatable."))
      --corpus <dir>       when the cassette is written, also write fuzz seeds: each
                           distinct successful answer and each distinct drift of the five
                           APIs (see tape record --help)
      -h, --help           print this text

    When it writes the cassette it prints the drift report of the five APIs' answers it
    recognises (by method and path), kept in the cassette's metadata, and what changed since
    the cassette it replaces or appends to (see tape record --help).

    The first line, on standard output, is "tape proxy listening on <url>"; the rest (what
    it forwards to, notices, near-miss reports, what was written and the drift report)
    goes to standard error.

    \(ExitStatus.help([
      .success:
        "stopped, and the cassette written (unless once replayed it, or nothing was "
        + "recorded)",
      .negative:
        "the write was refused: a secret survived redaction (the journal is kept); or, "
        + "replaying in once mode, some request matched nothing",
      .usage: "a usage error",
      .unusable:
        "the cassette or its journal cannot be read or written (the journal is kept), or the "
        + "port cannot be listened on",
    ]))
    """

  enum Mode: String, CaseIterable {
    case once, newEpisodes, all
  }

  static func run(
    _ arguments: [String], environment: [String: String] = [:],
    print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: @Sendable () async -> Void
  ) async -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments,
        valueOptions: [
          "--upstream", "--cassette", "--record", "--port", "--corpus", PortFile.option,
        ],
        flagOptions: ["--help", "-h"],
        repeatableOptions: RedactionArgument.names.union([TenantArgument.option]))
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.isEmpty else {
      return .usageError("unexpected argument '\(scanner.positionals[0])'", usage: usage)
    }
    guard let upstreamText = scanner.options["--upstream"] else {
      return .usageError("--upstream is required", usage: usage)
    }
    guard let path = scanner.options["--cassette"] else {
      return .usageError("--cassette is required", usage: usage)
    }
    var mode = Mode.once
    if let text = scanner.options["--record"] {
      guard let value = Mode(rawValue: text) else {
        let known = Mode.allCases.map(\.rawValue).joined(separator: ", ")
        return .usageError("--record must be one of \(known), got '\(text)'", usage: usage)
      }
      mode = value
    }
    let port: UInt16
    let tenants: [TenantIdentifier]
    let redactor: Redactor
    let replayRedactor: Redactor
    do {
      port = try scanner.port()
      tenants = try TenantArgument.identifiers(in: scanner)
      replayRedactor = try RedactionArgument.redactor(.huaweiCloud, in: scanner)
      redactor = replayRedactor.adding(tenantIdentifiers: tenants)
    } catch {
      return .usageError(error.message, usage: usage)
    }
    let file = URL(fileURLWithPath: path)
    let metadata = ["origin": "recorded by tape proxy from \(upstreamText)"]
    // A journal an earlier session left (killed, or its write refused): that session is
    // written first, with the rules given now.
    do {
      if let recovery = try CassetteRecorder.recoverJournal(
        beside: file, named: path, redactor: redactor, environment: environment,
        drift: .huaweiCloud)
      {
        report("\(recovery)\n")
      }
    } catch {
      return CommandOutcome(
        ExitStatus.of(error),
        errorOutput: "error: \(error)\n" + JournalNotice.kept(path, command: "tape proxy"))
    }
    let exists = FileManager.default.fileExists(atPath: file.path)
    var existing: Cassette?
    if exists, mode != .all {
      do {
        existing = try CassetteFile.load(from: file)
      } catch {
        return .unusable(error.description)
      }
    }
    if mode == .once, let existing {
      return await ProxyReplay.run(
        existing, path: path, upstream: upstreamText, port: port, tenants: tenants,
        redactor: replayRedactor, portFile: PortFile(scanner), print: print, report: report,
        until: until)
    }
    var simulator: CloudSimulator?
    let upstream: URL
    if upstreamText == "simulator" {
      do {
        simulator = try CloudSimulator.start(scenario: .standard)
      } catch {
        return .unusable("cannot start the simulator: \(error)")
      }
      upstream = simulator!.baseURL
    } else {
      guard let url = URL(string: upstreamText), let scheme = url.scheme?.lowercased(),
        ["http", "https"].contains(scheme), url.host != nil
      else {
        return .usageError(
          "--upstream must be an http(s) URL or 'simulator', got '\(upstreamText)'", usage: usage)
      }
      upstream = url
    }
    var player: CassettePlayer?
    if mode == .newEpisodes, let existing {
      do {
        player = try CassettePlayer(
          cassette: existing, source: path,
          configuration: ReplayConfiguration(
            matchers: [.method, .path, .query, .body], tenantIdentifiers: tenants,
            redactor: replayRedactor))
      } catch {
        return .unusable(error.description)
      }
    }
    // Plain sockets to an http:// stand-in; URLSession (and its TLS) for the cloud.
    let direct = DirectTransport(secure: SameOriginTransport(), decodesContent: false)
    let signingKey = signingKey(simulator: simulator, environment: environment)
    // Without a key pair, each refused AK/SK request is named beside its 401.
    let inspect: @Sendable (URLRequest, Int) -> Void
    if signingKey == nil {
      inspect = UnsignedForwardingNotice.inspector(print: report)
    } else {
      inspect = { _, _ in }
    }
    let recorder = CassetteRecorder(
      redactor: redactor, liveSecrets: simulatorSecrets(simulator), environment: environment,
      drift: .huaweiCloud)
    do {
      try recorder.startJournal(
        beside: file, appendingToExisting: mode == .newEpisodes && existing != nil,
        metadata: metadata)
    } catch {
      await simulator?.stop()
      return .unusable(error.description)
    }
    Interruption.whenStoppedAtOnce(JournalNotice.stoppedAtOnce(path, command: "tape proxy"))
    let proxy: ForwardingProxy
    do {
      proxy = try ForwardingProxy.start(
        upstream: upstream, port: port, transport: direct, recorder: recorder,
        replaying: player, prepare: resigning(with: signingKey), inspect: inspect)
    } catch {
      recorder.journal?.remove()
      await simulator?.stop()
      return .unusable("cannot listen on 127.0.0.1:\(port): \(error)")
    }
    let portFile = PortFile(scanner)
    if let problem = portFile.publish(proxy.baseURL) {
      await proxy.stop()
      await simulator?.stop()
      recorder.journal?.remove()
      return .unusable(problem)
    }
    defer { portFile.remove() }
    print("tape proxy listening on \(proxy.baseURL.absoluteString)\n")
    report(
      "forwarding to \(upstream.absoluteString); recording to \(path)\n"
        + JournalNotice.started(path)
        + (tenants.isEmpty
          ? "" : "scrubbing \(tenants.map(\.name).joined(separator: ", ")) to placeholders\n")
        + (signingKey == nil ? UnsignedForwardingNotice.startUp : "")
        + "\nCtrl-C (or SIGTERM, SIGHUP) stops it and writes the cassette.\n")
    await until()
    await proxy.stop()
    await simulator?.stop()
    let recorded = recorder.interactions.count
    if recorded > 0 {
      report("writing \(path): \(recorded) new interaction\(recorded == 1 ? "" : "s")\n")
    }
    let summary: CassetteRecorder.Summary
    let journalFailure = JournalNotice.failure(of: recorder)
    do {
      summary = try recorder.write(
        to: file, named: path, appendingTo: mode == .newEpisodes ? existing : nil,
        metadata: metadata)
    } catch {
      Interruption.whenStoppedAtOnce("")
      return CommandOutcome(
        ExitStatus.of(error),
        errorOutput: "error: nothing written: \(error.description)\n" + journalFailure
          + (FileManager.default.fileExists(atPath: RecordingJournal.url(for: file).path)
            ? JournalNotice.kept(path, command: "tape proxy", after: error) : ""))
    }
    Interruption.whenStoppedAtOnce("")
    guard summary.written else {
      return CommandOutcome(.success, errorOutput: "\(summary)\n" + journalFailure)
    }
    let before = mode == .newEpisodes ? existing?.interactions.count ?? 0 : 0
    var seeds = ""
    if let corpus = scanner.options["--corpus"] {
      do {
        let count = try RecordedSeeds.write(
          of: recorder, corpus: URL(fileURLWithPath: corpus, isDirectory: true))
        seeds = "\(count) new fuzz seed\(count == 1 ? "" : "s") in \(corpus)\n"
      } catch {
        return .unusable("wrote \(path), but not the seeds: \(error)")
      }
    }
    return CommandOutcome(
      .success,
      errorOutput: "wrote \(path): \(recorded) new interaction\(recorded == 1 ? "" : "s"), "
        + "\(summary.stored) in all (\(before) kept, repeats folded)\n"
        + (summary.driftText.isEmpty ? "" : summary.driftText + "\n") + seeds + journalFailure)
  }

  /// The simulator's own credentials, which a session recorded against it may carry and the
  /// cassette must not (those of the environment the Huawei Cloud profile finds itself).
  static func simulatorSecrets(_ simulator: CloudSimulator?) -> [String] {
    guard let scenario = simulator?.scenario else { return [] }
    return scenario.accessKeys.flatMap { [$0.accessKey, $0.secretKey] }
      + scenario.accounts.map(\.password)
  }

  /// The key pair to re-sign AK/SK requests with: the simulator's own, or the one in the
  /// environment (`HUAWEICLOUD_SDK_AK`, `_SK`, `_SECURITY_TOKEN`), as the client has.
  static func signingKey(simulator: CloudSimulator?, environment: [String: String])
    -> Credentials?
  {
    if let key = simulator?.scenario.accessKeys.first {
      return Credentials(accessKey: key.accessKey, secretKey: key.secretKey)
    }
    guard let accessKey = environment["HUAWEICLOUD_SDK_AK"],
      let secretKey = environment["HUAWEICLOUD_SDK_SK"]
    else { return nil }
    return Credentials(
      accessKey: accessKey, secretKey: secretKey,
      securityToken: environment["HUAWEICLOUD_SDK_SECURITY_TOKEN"])
  }

  /// A request the client signed for the proxy's address is signed again for the
  /// upstream's, since the signature covers the host; other requests go as they are.
  static func resigning(with credentials: Credentials?)
    -> @Sendable (inout URLRequest) throws -> Void
  {
    { request in
      guard let credentials, UnsignedForwardingNotice.isSigned(request) else { return }
      request.setValue(nil, forHTTPHeaderField: "Authorization")
      request.setValue(nil, forHTTPHeaderField: "X-Sdk-Date")
      try SDKSigner(credentials: credentials).sign(&request, at: Date())
    }
  }
}
