import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Answers requests from a cassette, deterministically and offline.
///
/// Requests are grouped by the key of the configured matchers; identical requests (a poll)
/// get the group's recorded responses in recorded order, each as many times as its repeat
/// count, then what the ``ExhaustionPolicy`` says. Lookup is one hash, so the cost of a
/// request does not grow with the cassette. Thread-safe: share one player between
/// concurrent requests of one test.
public final class CassettePlayer: Sendable {
  /// The cassette being played.
  public let cassette: Cassette
  /// Where the cassette came from, for reports: its path (in the package, such as
  /// `cassettes/x.json`, when the trait loads it).
  public let source: String
  /// How requests are matched and answered.
  public let configuration: ReplayConfiguration
  /// Where requests the cassette does not answer (or, when it records everything, every
  /// request) go and are recorded; nil when the player only replays.
  public let recording: RecordingSetup?

  let snapshots: [RequestSnapshot]
  private let prepared: [PreparedResponse]
  private let keyFunctions: [@Sendable (RequestSnapshot) -> String]
  private let predicates: [RequestMatcher]
  private let groups: [String: [Int]]
  private let faults: FaultPlan
  /// Turns the tenant values of a live request into the cassette's placeholders.
  private let tenantScrub: TenantSubstitution
  private let state: Mutex<PlaybackState>
  /// The last response made for each interaction, by index: made again only for another URL
  /// or status. Foundation's `HTTPURLResponse` reads its headers when it is made (the
  /// `Content-Type`'s parts, every name's canonical spelling), which was half of what a
  /// replayed request cost; the response is immutable, so the same one answers each request
  /// of a poll.
  private let madeResponses: Mutex<[MadeResponse?]>

  /// A response made for an interaction, and what it was made for.
  private struct MadeResponse {
    var url: URL
    var status: Int
    var response: HTTPURLResponse
  }

  private struct PlaybackState {
    /// How many times each interaction was served, over every cycle.
    var plays: [Int]
    /// How many times each interaction was served in its group's current pass: what the
    /// sequence has used up. `cycle` starts a pass over; `plays` keeps counting.
    var pass: [Int]
    var scanStart: [String: Int] = [:]
    var failures: [ReplayFailure] = []
    var replayStart: Duration?
    /// How many requests each request-keyed fault has hit, by position in the plan.
    var faultHits: [Int]
  }

  /// A response's bytes and headers, with the content fix-ups, computed once.
  private struct PreparedResponse {
    var body: Data
    var headers: [String: String]
  }

  /// A chosen interaction, which play of it this is (1 for the first, counted over every
  /// cycle), and the fault laid over it, if any.
  struct Selection {
    var index: Int
    var play: Int
    var fault: FaultOverlay?
    /// Which repeat of the interaction's folded run this is (0 for the first).
    var repeatIndex = 0
  }

  /// Creates a player for a cassette; `source` names it in reports.
  ///
  /// - Throws: ``CassetteError`` with ``CassetteError/Problem/invalidFault(_:)`` when a
  ///   fault of the configuration names no interaction of the cassette.
  public init(
    cassette: Cassette, source: String, configuration: ReplayConfiguration = .init(),
    recording: RecordingSetup? = nil
  ) throws(CassetteError) {
    self.recording = recording
    self.cassette = cassette
    self.source = source
    self.configuration = configuration
    let redactor = configuration.redactor
    self.snapshots = cassette.interactions.map { redactor.redact(RequestSnapshot($0.request)) }
    let restore = TenantSubstitution.restoring(configuration.tenantIdentifiers)
    self.prepared = cassette.interactions.map { Self.prepare($0.response, restoring: restore) }
    self.tenantScrub = TenantSubstitution.scrubbing(configuration.tenantIdentifiers)
    var keyFunctions: [@Sendable (RequestSnapshot) -> String] = []
    var predicates: [RequestMatcher] = []
    for matcher in configuration.matchers {
      switch matcher.rule {
      case .key(let key): keyFunctions.append(key)
      case .predicate: predicates.append(matcher)
      }
    }
    self.keyFunctions = keyFunctions
    self.predicates = predicates
    var groups: [String: [Int]] = [:]
    for (index, snapshot) in snapshots.enumerated() {
      groups[Self.key(of: snapshot, keyFunctions), default: []].append(index)
    }
    self.groups = groups
    let zeros = Array(repeating: 0, count: snapshots.count)
    self.madeResponses = Mutex(Array(repeating: nil, count: snapshots.count))
    self.faults = try FaultPlan(configuration.faults, snapshots: snapshots, file: source)
    self.state = Mutex(
      PlaybackState(
        plays: zeros, pass: zeros,
        faultHits: Array(repeating: 0, count: configuration.faults.count)))
  }

  /// Loads the cassette at `url` and creates a player for it.
  public convenience init(contentsOf url: URL, configuration: ReplayConfiguration = .init())
    throws(CassetteError)
  {
    try self.init(
      cassette: try CassetteFile.load(from: url), source: url.path, configuration: configuration)
  }

  /// Answers a request: the recorded response, with any fault overlay, at the configured pace.
  ///
  /// - Throws: ``ReplayFailure`` when the cassette has no answer (also kept in
  ///   ``failures``); `URLError(.networkConnectionLost)` for a dropped connection, and for a
  ///   truncated body after its first bytes (in the error's ``URLError/partialBody`` and
  ///   ``URLError/partialResponse``), as a client sees a cut connection.
  public func respond(to request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let arrival = configuration.clock.elapsed()
    let selection: Selection
    if let recording {
      if recording.recordsEverything { return try await recording.transport.send(request) }
      do {
        selection = try select(RequestSnapshot(request), arrival: arrival, keepingFailure: false)
      } catch {
        return try await recording.transport.send(request)
      }
    } else {
      selection = try select(RequestSnapshot(request), arrival: arrival)
    }
    if let deadline = deadline(for: selection, arrival: arrival) {
      try await configuration.clock.sleep(deadline)
    }
    let answer = try answer(selection, url: request.url)
    if answer.isCut { throw answer.cutError }
    return (answer.body, answer.response)
  }

  /// Every request the player could not answer so far, in order.
  public var failures: [ReplayFailure] { state.withLock { $0.failures } }

  /// How many times each interaction was served, by index, over every cycle.
  public var playCounts: [Int] { state.withLock { $0.plays } }

  /// The indices of the interactions never served.
  public var unusedInteractions: [Int] {
    playCounts.enumerated().filter { $0.element == 0 }.map(\.offset)
  }

  /// Chooses the interaction that answers `live`, which reached the player at `arrival`
  /// on the replay clock, or records and throws the failure. Tenant values of the
  /// configuration are read as their placeholders, and the request is redacted by the
  /// configuration's redactor, in matching and in reports alike.
  func select(_ live: RequestSnapshot, arrival: Duration, keepingFailure: Bool = true)
    throws(ReplayFailure) -> Selection
  {
    let snapshot = configuration.redactor.redact(tenantScrub.apply(live))
    let key = Self.key(of: snapshot, keyFunctions)
    let candidates = (groups[key] ?? []).filter { index in
      predicates.allSatisfy { $0.agrees(snapshot, snapshots[index]) }
    }
    let interactions = cassette.interactions
    let outcome: Result<Selection, ReplayFailure> = state.withLock { state in
      if state.replayStart == nil { state.replayStart = arrival }
      guard !candidates.isEmpty else {
        return .failure(MismatchReport.unmatched(snapshot, player: self, plays: state.plays))
      }
      let start = predicates.isEmpty ? state.scanStart[key, default: 0] : 0
      let chosen: Int
      if let position = candidates[start...].firstIndex(where: {
        state.pass[$0] < interactions[$0].repeatCount
      }) {
        if predicates.isEmpty { state.scanStart[key] = position }
        chosen = candidates[position]
        state.pass[chosen] += 1
      } else {
        switch configuration.exhaustion {
        case .repeatLast:
          chosen = candidates[candidates.count - 1]
        case .cycle:
          for index in candidates { state.pass[index] = 0 }
          state.scanStart[key] = 0
          chosen = candidates[0]
          state.pass[chosen] = 1
        case .fail:
          return .failure(
            MismatchReport.exhausted(
              snapshot, candidates: candidates, player: self, plays: state.plays))
        }
      }
      state.plays[chosen] += 1
      let play = state.plays[chosen]
      let fault = faults.overlay(forInteraction: chosen, play: play, hits: &state.faultHits)
      return .success(
        Selection(
          index: chosen, play: play, fault: fault, repeatIndex: max(0, state.pass[chosen] - 1)))
    }
    switch outcome {
    case .success(let selection): return selection
    case .failure(let failure):
      if keepingFailure { state.withLock { $0.failures.append(failure) } }
      throw failure
    }
  }

  /// When to answer a request that arrived at `arrival` (both on the replay clock, from its
  /// start), or nil to answer at once: pacing plus any fault delay.
  ///
  /// Every wait is a deadline counted from the request's own arrival, never from whenever
  /// the wait happens to begin, so requests in flight together wait side by side, as on a
  /// real clock: on a ``VirtualClock`` the time ends at the latest deadline, not the sum.
  func deadline(for selection: Selection, arrival: Duration) -> Duration? {
    let interaction = cassette.interactions[selection.index]
    var deadline = arrival
    switch configuration.pacing {
    case .immediate: break
    case .recordedLatency: deadline += interaction.duration
    case .recordedCadence:
      let start = state.withLock { $0.replayStart } ?? .zero
      let offset = interaction.offset(ofRepeat: selection.repeatIndex)
      deadline = max(arrival, start + offset + interaction.duration)
    }
    if let delay = selection.fault?.delay { deadline += max(.zero, delay) }
    return deadline > arrival ? deadline : nil
  }

  /// The recorded response for a selection, with content fix-ups and fault overlay.
  func answer(_ selection: Selection, url: URL?) throws -> ReplayAnswer {
    let recorded = cassette.interactions[selection.index].response
    let fault = selection.fault
    if fault?.dropsConnection == true {
      throw URLError(
        .networkConnectionLost,
        userInfo: [
          NSLocalizedDescriptionKey:
            "Tape dropped the connection of interaction #\(selection.index) (fault overlay)"
        ])
    }
    let prepared = prepared[selection.index]
    var body = prepared.body
    var isCut = false
    if let length = fault?.truncatedBodyLength, length < body.count {
      body = body.prefix(length)
      isCut = true
    }
    let responseURL = url ?? URL(string: cassette.interactions[selection.index].request.url)
    guard let responseURL else { throw URLError(.badURL) }
    let status = fault?.status ?? recorded.status
    let response: HTTPURLResponse
    if let made = madeResponses.withLock({ $0[selection.index] }), made.status == status,
      made.url == responseURL
    {
      response = made.response
    } else {
      guard
        let fresh = HTTPURLResponse(
          url: responseURL, statusCode: status, httpVersion: "HTTP/1.1",
          headerFields: prepared.headers)
      else {
        throw URLError(.badURL)
      }
      madeResponses.withLock {
        $0[selection.index] = MadeResponse(url: responseURL, status: status, response: fresh)
      }
      response = fresh
    }
    return ReplayAnswer(response: response, body: body, interaction: selection.index, isCut: isCut)
  }

  /// The body bytes and headers to answer: tenant placeholders replaced by the values of
  /// `restore`, a body stored decoded loses its `Content-Encoding`, and `Content-Length` is
  /// set to the length actually sent.
  private static func prepare(_ response: RecordedResponse, restoring restore: TenantSubstitution)
    -> PreparedResponse
  {
    var ignored: Set<String> = []
    let body = response.body.map { restore.apply($0, &ignored).data } ?? Data()
    var headers = restore.apply(response.headers)
    if response.body?.decodedFrom != nil { headers.set("Content-Encoding", to: nil) }
    if headers["Content-Length"] != nil { headers.set("Content-Length", to: String(body.count)) }
    return PreparedResponse(body: body, headers: headers.dictionary)
  }

  private static func key(
    of snapshot: RequestSnapshot, _ functions: [@Sendable (RequestSnapshot) -> String]
  ) -> String {
    functions.map { $0(snapshot) }.joined(separator: "\u{1E}")
  }
}
