import Foundation
import HTTPTransportCore
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Binds a test (or every test of a suite) to a cassette: the test body finds a
/// ``CassettePlayer`` in `CassettePlayer.current`, with its transport and URLSession.
///
/// Each test case gets its own player, so tests on different cassettes run in parallel
/// without seeing each other's traffic. When the test ends, whether it returns or throws,
/// every request the cassette could not answer becomes an issue carrying the full report and
/// the request as an attachment, and unused interactions are reported as the
/// ``UnusedInteractionPolicy`` says (the first 20 listed, the rest counted). Reports name the
/// cassette by its path in the package (`cassettes/x.json`). A recording says what it wrote
/// on standard error, as a note rather than an issue.
public struct CassetteTrait: TestTrait, SuiteTrait, TestScoping {
  /// The cassette name, relative to the cassette folder.
  public var name: String
  /// How the player matches and answers.
  public var configuration: ReplayConfiguration
  /// What to do about interactions never requested.
  public var unusedInteractions: UnusedInteractionPolicy
  /// The record mode of this test; `TAPE_RECORD`, when set, wins, and `CI` forces `none`.
  public var record: RecordMode
  /// What recording sends requests through; when nil, a fresh ``SameOriginTransport`` (an
  /// ephemeral `URLSession` that follows no redirect to another origin).
  public var upstream: (any HTTPTransport)?
  /// The redactor recorded exchanges pass through.
  public var redactor: Redactor
  /// Secret values the test uses (a secret key, a password) that the scan before writing
  /// must not find, on top of those seen in secret headers.
  public var liveSecrets: [String]
  /// What reads recorded answers against the models: the drift report, and the changes since
  /// the previous recording, shown with the message that says what was recorded; nil for
  /// none.
  public var drift: DriftInspector?
  /// The test file the trait was written in, to find the package's `cassettes/` folder.
  public var filePath: String
  /// Where the trait was written, for issues.
  public var sourceLocation: SourceLocation
  /// The environment to read `TAPE_RECORD`, `CI` and `TAPE_CASSETTES` from; the process's
  /// when nil (tests of the trait set it, since the real one is shared by parallel tests).
  var environment: [String: String]?
  /// Where the trait says what it wrote: a line on standard error, not an issue (a recording
  /// is no problem, and Swift Testing has no kind of event for a note); tests of the trait
  /// catch it.
  var announce: @Sendable (String) -> Void = { text in
    FileHandle.standardError.write(Data("\(text)\n".utf8))
  }
  /// How the trait records a problem: as a Swift Testing issue at the trait's place. Tests
  /// of the trait catch them instead, so that the package's own run is not full of expected
  /// ("known") issues.
  var recordIssue: @Sendable (Comment, Issue.Severity, SourceLocation) -> Void = {
    comment, severity, location in
    Issue.record(comment, severity: severity, sourceLocation: location)
  }
  /// How the trait attaches a request it could not answer to the test.
  var attach: @Sendable (String, SourceLocation) -> Void = { request, location in
    Attachment.record(request, named: "request.txt", sourceLocation: location)
  }

  /// Applies to each test of a suite it is attached to.
  public var isRecursive: Bool { true }

  /// A scope for each test case (every test has at least one), none for suites.
  public func scopeProvider(for test: Test, testCase: Test.Case?) -> CassetteTrait? {
    testCase == nil ? nil : self
  }

  /// Loads the cassette (or starts recording it), runs the test with its player, then
  /// reports what went wrong and, when it recorded, which file it wrote.
  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let environment = environment ?? ProcessInfo.processInfo.environment
    let (mode, note) = RecordMode.resolve(environment: environment, perTest: record)
    // Asked for `once` where CI forbids recording: worth a warning only when the cassette is
    // missing, since `once` replays an existing one anyway.
    let requestedOnce =
      (environment["TAPE_RECORD"].flatMap(RecordMode.init(rawValue:)) ?? record) == .once
    if let note, !requestedOnce {
      issue(note, severity: .warning)
    }
    let filter = test.name.hasSuffix("()") ? String(test.name.dropLast(2)) : test.name
    let directory = CassetteLocation.directory(forTestFile: filePath, environment: environment)
    let url: URL
    do {
      url = try CassetteName(name).url(in: directory)
    } catch {
      issue(error.description)
      return
    }
    let source = CassetteLocation.displayName(of: url, forTestFile: filePath)
    let existing: Cassette?
    do {
      existing = try CassetteFile.load(from: url, named: source)
    } catch let error where error.problem == .missing && mode != .none {
      existing = nil
    } catch let error where error.problem == .missing {
      if let note, requestedOnce { issue(note, severity: .warning) }
      let hint = RecordingHint.missingCassette(filter: filter)
      issue("\(error). \(hint)")
      return
    } catch {
      issue(error.description)
      return
    }
    let records = mode == .all || mode == .newEpisodes || (mode == .once && existing == nil)
    let recording =
      records
      ? RecordingSetup(
        transport: RecordingTransport(
          upstream: upstream ?? RecordingTransport.defaultUpstream,
          recorder: CassetteRecorder(redactor: redactor, liveSecrets: liveSecrets, drift: drift)),
        recordsEverything: mode == .all) : nil
    let player: CassettePlayer
    do {
      player = try CassettePlayer(
        cassette: mode == .all
          ? Cassette(interactions: []) : existing ?? Cassette(interactions: []),
        source: source, configuration: configuration, recording: recording)
    } catch {
      issue(error.description)
      return
    }
    do {
      try await CassettePlayer.$current.withValue(player) {
        if let clock = configuration.clock.virtualClock {
          try await clock.run { try await function() }
        } else {
          try await function()
        }
      }
    } catch {
      report(player, filter: filter)
      save(recording, to: url, source: source, base: mode == .all ? nil : existing)
      // A replay failure the test let through is reported above, once, with the test's
      // own command; thrown again it would print the same report a second time.
      if let failure = error as? ReplayFailure, player.failures.contains(failure) { return }
      throw error
    }
    report(player, filter: filter)
    save(recording, to: url, source: source, base: mode == .all ? nil : existing)
  }

  /// Writes what was recorded, and says where or why not. A session that recorded nothing
  /// never replaces the cassette (nor creates an empty one): a re-record (`all`) or a first
  /// recording that sent nothing says so; `newEpisodes` with nothing new says nothing.
  private func save(_ recording: RecordingSetup?, to url: URL, source: String, base: Cassette?) {
    guard let recorder = recording?.recorder else { return }
    if base != nil, recorder.interactions.isEmpty { return }
    do {
      let summary = try recorder.write(
        to: url, named: source, appendingTo: base, metadata: ["origin": "recorded by a test"])
      if summary.written {
        announce(summary.description)
      } else {
        // Asked to record, and nothing came: worth a look.
        issue(summary.description, severity: .warning)
      }
    } catch {
      issue(error.description)
    }
  }

  /// Records `message` through ``recordIssue``.
  private func issue(_ message: String, severity: Issue.Severity = .error) {
    recordIssue(Comment(rawValue: message), severity, sourceLocation)
  }

  /// How many unused interactions a report lists; the rest are counted.
  static let unusedListLimit = 20

  private func report(_ player: CassettePlayer, filter: String) {
    for failure in player.failures {
      attach(failure.request, sourceLocation)
      let report = failure.report.replacingOccurrences(
        of: RecordingHint.missingInteraction,
        with: RecordingHint.missingInteraction(filter: filter))
      issue(report)
    }
    let unused = player.unusedInteractions
    guard !unused.isEmpty, unusedInteractions != .ignore else { return }
    var lines = unused.prefix(Self.unusedListLimit).map { index in
      let request = player.cassette.interactions[index].request
      return
        "  #\(index) \(request.method) \(player.configuration.redactor.redact(url: request.url))"
    }
    var heading =
      "\(unused.count) of \(player.cassette.interactions.count) interactions of \(player.source) "
      + "were never requested"
    if unused.count > Self.unusedListLimit {
      heading += "; the first \(Self.unusedListLimit):"
      lines.append("  ... and \(unused.count - Self.unusedListLimit) more")
    } else {
      heading += ":"
    }
    let message = ([heading] + lines).joined(separator: "\n")
    issue(message, severity: unusedInteractions == .fail ? .error : .warning)
  }
}

extension Trait where Self == CassetteTrait {
  /// Replays the cassette `name` (a path below `cassettes/`, `.json` optional) for the test.
  ///
  /// - Parameters:
  ///   - matching: the matchers; method, host, path, query and body by default.
  ///   - exhaustion: what to answer once a request's responses are used up.
  ///   - pacing: when to deliver responses; at once by default.
  ///   - clock: the clock for pacing and fault delays.
  ///   - faults: faults laid over the replay, by the requests they hit
  ///     (`.request("GET", path: "/v2/tasks/*/progress")`) or an interaction's index.
  ///   - unusedInteractions: what to do about interactions never requested.
  ///   - record: the record mode (`TAPE_RECORD`, when set, wins; `CI` forces `none`).
  ///   - upstream: what recording sends requests through, for the player's transport and its
  ///     URLSession alike; ``RecordingTransport/defaultUpstream`` by default.
  ///   - redactor: what recording redacts and what a live request passes through before it
  ///     is matched and reported; ``Redactor/standard`` by default, ``Redactor/huaweiCloud``
  ///     for Huawei Cloud's APIs.
  ///   - liveSecrets: secret values the test uses that must never be written.
  ///   - tenantIdentifiers: project (domain, workspace, user) ids the test runs under:
  ///     scrubbed to their placeholders when recording (added to `redactor`), and put back in
  ///     place of the placeholders when replaying, where a request carrying one matches as if
  ///     it carried the placeholder (``ReplayConfiguration/tenantIdentifiers``). Give the real
  ///     ids when recording; any real-looking ones do on replay.
  ///   - drift: what reads recorded answers against the models (`.huaweiCloud` from
  ///     `CloudDrift` for the five APIs): the drift report and the changes since the
  ///     previous recording come with the message that says what was recorded, and the
  ///     report is kept in the cassette's metadata. None by default.
  public static func cassette(
    _ name: String, matching: [RequestMatcher] = RequestMatcher.defaults,
    exhaustion: ExhaustionPolicy = .repeatLast, pacing: ReplayPacing = .immediate,
    clock: ReplayClock = .continuous, faults: [FaultTarget: FaultOverlay] = [:],
    unusedInteractions: UnusedInteractionPolicy = .warn, record: RecordMode = .none,
    upstream: (any HTTPTransport)? = nil, redactor: Redactor = .standard,
    liveSecrets: [String] = [], tenantIdentifiers: [TenantIdentifier] = [],
    drift: DriftInspector? = nil, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> CassetteTrait {
    CassetteTrait(
      name: name,
      configuration: ReplayConfiguration(
        matchers: matching, exhaustion: exhaustion, pacing: pacing, clock: clock, faults: faults,
        tenantIdentifiers: tenantIdentifiers, redactor: redactor),
      unusedInteractions: unusedInteractions, record: record, upstream: upstream,
      redactor: redactor.adding(tenantIdentifiers: tenantIdentifiers), liveSecrets: liveSecrets,
      drift: drift, filePath: filePath,
      sourceLocation: sourceLocation, environment: nil)
  }
}
