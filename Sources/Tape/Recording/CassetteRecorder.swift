import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Collects the exchanges of a recording and writes them as one cassette, redacted, when the
/// recording ends.
///
/// Thread-safe: parallel tasks record into one recorder. Each exchange takes its place when
/// its request is sent, so the cassette keeps the order requests were sent in (and with it
/// the order within every match key) whatever order the answers arrive in. Recording one
/// exchange costs the same however many came before, and little: ``complete(slot:request:response:body:offset:)``
/// only stores the exchange (an answer waits for nothing more), and each is redacted once,
/// the first time ``interactions`` or a cassette is asked for; nothing unredacted is ever
/// returned or written. Nothing is written until ``write(to:named:appendingTo:metadata:)``,
/// which writes the whole cassette once, atomically.
///
/// With a ``DriftInspector`` it also reports how the answers differ from the models (a
/// ``DriftReport``, kept in the cassette's metadata) and what changed since the previous
/// recording of the same APIs (``ShapeChanges``), in the summary of the write: every
/// recording path (the trait, ``RecordingTransport``, the command line) gets the same report.
public final class CassetteRecorder: Sendable {
  /// The redactor every exchange passes through before anything reads or writes it.
  public let redactor: Redactor
  /// What reads the answers against the models when the cassette is written; nil for none.
  public let drift: DriftInspector?
  private let elapsed: @Sendable () -> Duration
  private let state: Mutex<State>

  private struct State {
    var slots: [Slot] = []
    var liveSecrets: Set<String> = []
  }

  /// One exchange's place in the cassette.
  private enum Slot {
    /// Its request is on its way (or failed without an answer).
    case sent
    /// Answered, as it came, not yet redacted.
    case answered(Answered)
    /// Made elsewhere (imported from a HAR file), not yet redacted.
    case made(Interaction)
    /// Redacted.
    case kept(Interaction)

    var kept: Interaction? {
      if case .kept(let interaction) = self { interaction } else { nil }
    }
  }

  /// An exchange as it came.
  private struct Answered: Sendable {
    let request: URLRequest
    let response: HTTPURLResponse
    let body: Data
    let offset: Duration
    let duration: Duration
  }

  /// What a write did.
  public struct Summary: Hashable, Sendable, CustomStringConvertible {
    /// The file written.
    public var file: String
    /// The exchanges recorded in this session.
    public var recorded: Int
    /// The interactions the file holds (repeats folded, earlier ones included).
    public var stored: Int
    /// The bytes written.
    public var bytes: Int
    /// How the cassette's answers differ from the models; nil without a ``DriftInspector``
    /// or when it knows none of the answers' APIs.
    public var drift: DriftReport?
    /// What changed since the previous recording of the same APIs; nil when there is none.
    public var changes: ShapeChanges?

    /// `Tape recorded 7 interactions into cassettes/x.json (3 stored, ...)`.
    public var headline: String {
      "Tape recorded \(recorded) interaction\(recorded == 1 ? "" : "s") into \(file) "
        + "(\(stored) stored after folding repeats, \(bytes) bytes)"
    }

    /// The drift report and the changes since the previous recording, one line each
    /// finding; empty without a drift report.
    public var driftText: String {
      guard let drift else { return "" }
      let changes =
        changes?.description
        ?? "changes since an earlier recording: none to compare with (no earlier cassette of "
        + drift.apis.joined(separator: ", ") + " here)"
      return drift.description + "\n" + changes
    }

    /// The headline, then the drift report and the changes when there are any.
    public var description: String {
      drift == nil ? headline : headline + "\n" + driftText
    }
  }

  /// Creates a recorder; `liveSecrets` are values the session uses that must never be
  /// written (a secret key, a password), on top of those it finds itself: the values of the
  /// redactor's ``Redactor/environmentVariables`` in `environment`, and those it sees in
  /// secret headers, query values, form fields and JSON values. Each is replaced by
  /// `<LIVE_SECRET>` wherever else it appears, and the scan before writing refuses any
  /// that survived. `elapsed` gives the time since the recording started, for offsets and
  /// durations: the real clock by default, a virtual one when the session runs on virtual
  /// time. `drift` reads the answers against the models when the cassette is written.
  public init(
    redactor: Redactor = .standard, liveSecrets: [String] = [],
    environment: [String: String] = ProcessInfo.processInfo.environment,
    elapsed: (@Sendable () -> Duration)? = nil, drift: DriftInspector? = nil
  ) {
    self.redactor = redactor
    self.drift = drift
    let start = ContinuousClock.now
    self.elapsed = elapsed ?? { ContinuousClock.now - start }
    self.state = Mutex(
      State(liveSecrets: Set(liveSecrets + redactor.environmentSecrets(in: environment))))
  }

  /// Reserves the next place in the cassette for a request being sent now.
  public func begin() -> (slot: Int, offset: Duration) {
    let offset = elapsed()
    let slot = state.withLock { state in
      state.slots.append(.sent)
      return state.slots.count - 1
    }
    return (slot, offset)
  }

  /// Keeps an exchange in its place, to be redacted (and its secret values remembered for
  /// the scan) before anything reads or writes it.
  public func complete(
    slot: Int, request: URLRequest, response: HTTPURLResponse, body: Data, offset: Duration
  ) {
    let answered = Answered(
      request: request, response: response, body: body, offset: offset,
      duration: elapsed() - offset)
    state.withLock { $0.slots[slot] = .answered(answered) }
  }

  /// Keeps an interaction made elsewhere (read from a HAR file), after the ones kept so far;
  /// it is redacted, its secrets collected and scanned, like a recorded exchange.
  public func keep(_ interaction: Interaction) {
    state.withLock { $0.slots.append(.made(interaction)) }
  }

  /// Adds a secret value the session used, which the final scan must not find.
  public func addLiveSecret(_ value: String) {
    _ = state.withLock { $0.liveSecrets.insert(value) }
  }

  /// The redacted interactions recorded so far, in the order their requests were sent
  /// (exchanges that failed without an answer are left out), every live secret of the
  /// session replaced wherever it still appears.
  public var interactions: [Interaction] {
    let waiting = state.withLock { state in
      state.slots.enumerated().compactMap { index, slot -> (Int, Interaction)? in
        switch slot {
        case .answered(let answered):
          (
            index,
            CapturedExchange.interaction(
              request: answered.request, response: answered.response, body: answered.body,
              offset: answered.offset, duration: answered.duration)
          )
        case .made(let interaction): (index, interaction)
        case .sent, .kept: nil
        }
      }
    }
    // Redacted outside the lock, so that exchanges still arriving are not held up.
    let redacted = waiting.map { index, raw in
      (index, redactor.redact(raw), redactor.secretValues(in: raw))
    }
    let (kept, secrets) = state.withLock { state in
      for (index, interaction, secrets) in redacted {
        state.slots[index] = .kept(interaction)
        state.liveSecrets.formUnion(secrets)
      }
      return (state.slots.compactMap(\.kept), state.liveSecrets)
    }
    let substitution = LiveSecretSubstitution(secrets)
    return kept.map(substitution.apply)
  }

  /// The cassette to write: `base`'s interactions (for `newEpisodes`), then this session's,
  /// runs of identical exchanges folded into one with a repeat count.
  public func cassette(appendingTo base: Cassette? = nil, metadata: [String: String] = [:])
    -> Cassette
  {
    Self.cassette(of: interactions, appendingTo: base, metadata: metadata)
  }

  private static func cassette(
    of recorded: [Interaction], appendingTo base: Cassette?, metadata: [String: String]
  ) -> Cassette {
    var merged = base?.metadata ?? [:]
    merged.merge(metadata) { $1 }
    return Cassette(
      interactions: RepeatFolding.fold((base?.interactions ?? []) + recorded),
      recordedAt: Date.now.formatted(.iso8601), metadata: merged)
  }

  /// Scans the cassette's bytes for the session's live secrets and credential shapes, then
  /// writes it atomically (temporary file, `fsync`, rename); `name` is how errors and the
  /// summary name the file.
  ///
  /// - Throws: ``RecordingError`` naming every place a secret survived (nothing is
  ///   written), or why the file could not be written.
  @discardableResult
  public func write(
    to url: URL, named name: String? = nil, appendingTo base: Cassette? = nil,
    metadata: [String: String] = [:]
  ) throws(RecordingError) -> Summary {
    let file = name ?? url.path
    let recorded = interactions  // redacts what is still waiting, remembering its secrets
    var cassette = Self.cassette(of: recorded, appendingTo: base, metadata: metadata)
    var report: DriftReport?
    var changes: ShapeChanges?
    if let drift {
      let readings = drift.readings(of: cassette.interactions)
      if !readings.isEmpty {
        let drifted = DriftReport(readings)
        let shape = RecordingShape(readings)
        // Read before the write replaces it.
        changes = PreviousRecording.find(
          replacing: url, named: file, apis: Set(shape.apis.keys), inspector: drift
        ).map { ShapeChanges(from: $0.shape, to: shape, previous: $0.name) }
        cassette.metadata = drifted.applied(to: cassette.metadata)
        report = drifted
      }
    }
    let data = CassetteFile.encode(cassette)
    let secrets = state.withLock { Array($0.liveSecrets) }
    let hits = SecretScanner(liveSecrets: secrets, redactor: redactor).scan(data)
    guard hits.isEmpty else { throw RecordingError(file: file, problem: .secretsFound(hits)) }
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw RecordingError(file: file, problem: .inputOutput(error.description))
    }
    return Summary(
      file: file, recorded: recorded.count, stored: cassette.interactions.count,
      bytes: data.count, drift: report, changes: changes)
  }
}
