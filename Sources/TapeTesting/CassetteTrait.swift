import Foundation
import Tape
import Testing

/// Binds a test (or every test of a suite) to a cassette: the test body finds a
/// ``CassettePlayer`` in `CassettePlayer.current`, with its transport and URLSession.
///
/// Each test case gets its own player, so tests on different cassettes run in parallel
/// without seeing each other's traffic. When the test ends, whether it returns or throws,
/// every request the cassette could not answer becomes an issue carrying the full report and
/// the request as an attachment, and unused interactions are reported as the
/// ``UnusedInteractionPolicy`` says (the first 20 listed, the rest counted). Reports name the
/// cassette by its path in the package (`cassettes/x.json`).
public struct CassetteTrait: TestTrait, SuiteTrait, TestScoping {
  /// The cassette name, relative to the cassette folder.
  public var name: String
  /// How the player matches and answers.
  public var configuration: ReplayConfiguration
  /// What to do about interactions never requested.
  public var unusedInteractions: UnusedInteractionPolicy
  /// The test file the trait was written in, to find the package's `cassettes/` folder.
  public var filePath: String
  /// Where the trait was written, for issues.
  public var sourceLocation: SourceLocation
  /// The environment to read `TAPE_RECORD`, `CI` and `TAPE_CASSETTES` from; the process's
  /// when nil (tests of the trait set it, since the real one is shared by parallel tests).
  var environment: [String: String]?

  /// Applies to each test of a suite it is attached to.
  public var isRecursive: Bool { true }

  /// A scope for each test case (every test has at least one), none for suites.
  public func scopeProvider(for test: Test, testCase: Test.Case?) -> CassetteTrait? {
    testCase == nil ? nil : self
  }

  /// Loads the cassette, runs the test with its player, then reports what went wrong.
  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let environment = environment ?? ProcessInfo.processInfo.environment
    let (mode, note) = RecordMode.resolve(environment: environment)
    if let note {
      Issue.record(Comment(rawValue: note), severity: .warning, sourceLocation: sourceLocation)
    }
    let directory = CassetteLocation.directory(forTestFile: filePath, environment: environment)
    let player: CassettePlayer
    do {
      let url = try CassetteName(name).url(in: directory)
      let source = CassetteLocation.displayName(of: url, forTestFile: filePath)
      player = try CassettePlayer(
        cassette: try CassetteFile.load(from: url, named: source), source: source,
        configuration: configuration)
    } catch let error where error.problem == .missing {
      let hint = RecordingHint.missingCassette(mode: mode == .none ? nil : mode.rawValue)
      Issue.record(Comment(rawValue: "\(error). \(hint)"), sourceLocation: sourceLocation)
      return
    } catch {
      Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
      return
    }
    if mode == .all || mode == .newEpisodes {
      Issue.record(
        Comment(
          rawValue: RecordingHint.recordingRequested(mode: mode.rawValue, replaying: player.source)
        ),
        severity: .warning, sourceLocation: sourceLocation)
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
      report(player)
      throw error
    }
    report(player)
  }

  /// How many unused interactions a report lists; the rest are counted.
  static let unusedListLimit = 20

  private func report(_ player: CassettePlayer) {
    for failure in player.failures {
      Attachment.record(failure.request, named: "request.txt", sourceLocation: sourceLocation)
      Issue.record(Comment(rawValue: failure.report), sourceLocation: sourceLocation)
    }
    let unused = player.unusedInteractions
    guard !unused.isEmpty, unusedInteractions != .ignore else { return }
    var lines = unused.prefix(Self.unusedListLimit).map { index in
      let request = player.cassette.interactions[index].request
      return "  #\(index) \(request.method) \(request.url)"
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
    Issue.record(
      Comment(rawValue: message), severity: unusedInteractions == .fail ? .error : .warning,
      sourceLocation: sourceLocation)
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
  public static func cassette(
    _ name: String, matching: [RequestMatcher] = RequestMatcher.defaults,
    exhaustion: ExhaustionPolicy = .repeatLast, pacing: ReplayPacing = .immediate,
    clock: ReplayClock = .continuous, faults: [FaultTarget: FaultOverlay] = [:],
    unusedInteractions: UnusedInteractionPolicy = .warn, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> CassetteTrait {
    CassetteTrait(
      name: name,
      configuration: ReplayConfiguration(
        matchers: matching, exhaustion: exhaustion, pacing: pacing, clock: clock, faults: faults),
      unusedInteractions: unusedInteractions, filePath: filePath, sourceLocation: sourceLocation,
      environment: nil)
  }
}
