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
/// which writes the whole cassette once, atomically, and never an empty session.
///
/// With a journal (``startJournal(beside:appendingToExisting:metadata:)``), each exchange
/// is also handed to the cassette's ``RecordingJournal``, whose own thread redacts it,
/// appends it, secret-free, and hands the redacted form back (so the write has little left
/// to redact): a process killed before the write loses only the exchanges in flight. The
/// write deletes the journal; a refused write leaves it.
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
    var journal: RecordingJournal?
  }

  /// One exchange's place in the cassette.
  private enum Slot {
    /// Its request is on its way (or failed without an answer).
    case sent
    /// Answered, as it came, not yet redacted.
    case answered(AnsweredExchange)
    /// Made elsewhere (imported from a HAR file), not yet redacted.
    case made(Interaction)
    /// Redacted.
    case kept(Interaction)

    var kept: Interaction? {
      if case .kept(let interaction) = self { interaction } else { nil }
    }
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
    /// Whether the file was written: not when the session recorded nothing, since a
    /// cassette is never replaced (or created) by an empty session.
    public var written = true
    /// Whether the file was there when the session recorded nothing (and was left as it was).
    var existed = false
    /// How the cassette's answers differ from the models; nil without a ``DriftInspector``
    /// or when it knows none of the answers' APIs.
    public var drift: DriftReport?
    /// What changed since the previous recording of the same APIs; nil when there is none.
    public var changes: ShapeChanges?

    /// `Tape recorded 7 interactions into cassettes/x.json (3 stored, ...)`, or that nothing
    /// was recorded and the file left as it was.
    public var headline: String {
      guard written else {
        return "Tape recorded nothing: \(file) "
          + (existed
            ? "was left as it was (a cassette is never replaced by an empty session)"
            : "was not written")
      }
      return "Tape recorded \(recorded) interaction\(recorded == 1 ? "" : "s") into \(file) "
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
    keep(slot: slot, request: request, head: .foundation(response), body: body, offset: offset)
  }

  /// Keeps an exchange whose answer is given as its status and header fields in the order
  /// read, repeated names included (a plain transport, a proxy), as
  /// ``complete(slot:request:response:body:offset:)`` keeps the `HTTPURLResponse` they make
  /// (a repeated name once, its values joined with `, `), without making one: building it
  /// was most of what keeping an exchange cost the proxy's connection thread.
  public func complete(
    slot: Int, request: URLRequest, status: Int, headers: [(name: String, value: String)],
    body: Data, offset: Duration
  ) {
    keep(
      slot: slot, request: request, head: .fields(status: status, headers), body: body,
      offset: offset)
  }

  private func keep(
    slot: Int, request: URLRequest, head: AnsweredExchange.Head, body: Data, offset: Duration
  ) {
    let answered = AnsweredExchange(
      request: request, head: head, body: body, offset: offset, duration: elapsed() - offset)
    let journal = state.withLock { state in
      state.slots[slot] = .answered(answered)
      return state.journal
    }
    // The journal's own thread redacts it, appends it, and hands the redacted interaction
    // back (``keepRedacted(slot:_:secrets:)``).
    journal?.append(slot: slot, answered)
  }

  /// Takes the redacted form of an answered exchange, made by the journal's thread, unless
  /// the exchange was redacted here meanwhile.
  private func keepRedacted(slot: Int, _ interaction: Interaction, secrets: [String]) {
    state.withLock { state in
      guard case .answered = state.slots[slot] else { return }
      state.slots[slot] = .kept(interaction)
      state.liveSecrets.formUnion(secrets)
    }
  }

  /// Journals every exchange from now on into `<cassette>.journal` (see
  /// ``RecordingJournal``), which ``write(to:named:appendingTo:metadata:)`` deletes once
  /// `cassette` is written. Call it before the first request. `appendingToExisting` says
  /// whether the session goes after the interactions of the cassette on disk
  /// (`newEpisodes`) or replaces them; `metadata` is what a cassette rebuilt from the
  /// journal is written with.
  ///
  /// - Throws: ``RecordingError`` when a journal of an earlier session is there (rebuild
  ///   the cassette from it first: ``recoverJournal(beside:named:redactor:environment:drift:)``)
  ///   or the file cannot be created.
  public func startJournal(
    beside cassette: URL, appendingToExisting: Bool = false, metadata: [String: String] = [:]
  ) throws(RecordingError) {
    let journal = try RecordingJournal.begin(
      for: cassette, appendsToExisting: appendingToExisting, metadata: metadata,
      redactor: redactor
    ) { [weak self] slot, interaction, secrets in
      self?.keepRedacted(slot: slot, interaction, secrets: secrets)
    }
    let secrets = state.withLock { state in
      state.journal = journal
      return state.liveSecrets
    }
    journal.learn(secrets)
  }

  /// The journal exchanges are appended to, if any.
  public var journal: RecordingJournal? { state.withLock { $0.journal } }

  /// Makes `journal` (left by an earlier session) the one the next write marks and deletes.
  func adopt(_ journal: RecordingJournal) {
    state.withLock { $0.journal = journal }
  }

  /// Keeps an interaction made elsewhere (read from a HAR file), after the ones kept so far;
  /// it is redacted, its secrets collected and scanned, like a recorded exchange.
  public func keep(_ interaction: Interaction) {
    state.withLock { $0.slots.append(.made(interaction)) }
  }

  /// Adds a secret value the session used, which the final scan must not find.
  public func addLiveSecret(_ value: String) {
    let journal = state.withLock { state in
      state.liveSecrets.insert(value)
      return state.journal
    }
    journal?.learn([value])
  }

  /// The redacted interactions recorded so far, in the order their requests were sent
  /// (exchanges that failed without an answer are left out), every live secret of the
  /// session replaced wherever it still appears.
  public var interactions: [Interaction] {
    let waiting = state.withLock { state in
      state.slots.enumerated().compactMap { index, slot -> (Int, Interaction)? in
        switch slot {
        case .answered(let answered): (index, answered.interaction)
        case .made(let interaction): (index, interaction)
        case .sent, .kept: nil
        }
      }
    }
    // Redacted outside the lock, so that exchanges still arriving are not held up.
    let redacted = waiting.map { index, raw in
      (index, redactor.redact(raw), secretValues(in: raw))
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

  /// The live secrets `raw` carries; never the marker of a value a journal withheld (one a
  /// rule now redacts), which must not be replaced elsewhere as if it were a secret: left
  /// where no rule redacts it, it makes the write refuse, naming the place.
  private func secretValues(in raw: Interaction) -> [String] {
    Self.secretValues(in: raw, redactor: redactor)
  }

  /// The live secrets `raw` carries by `redactor`'s rules, the withheld marker left out.
  static func secretValues(in raw: Interaction, redactor: Redactor) -> [String] {
    redactor.secretValues(in: raw).filter { !$0.containsBytes(of: WithheldSecret.marker) }
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

  /// Scans the cassette's bytes for the session's live secrets and credential shapes (and
  /// for values withheld from a journal it was rebuilt from), then writes it atomically
  /// (temporary file, `fsync`, rename) and deletes the journal; `name` is how errors and
  /// the summary name the file.
  ///
  /// A session that recorded nothing writes nothing (``Summary/written`` is false): a
  /// cassette is never replaced by an empty session, nor an empty one created.
  ///
  /// - Throws: ``RecordingError`` naming every place a secret survived (nothing is
  ///   written, and the journal is left), or why the file could not be written.
  @discardableResult
  public func write(
    to url: URL, named name: String? = nil, appendingTo base: Cassette? = nil,
    metadata: [String: String] = [:]
  ) throws(RecordingError) -> Summary {
    let file = name ?? url.path
    let journal = state.withLock { $0.journal }.flatMap { journal in
      journal.url.path == RecordingJournal.url(for: url).path ? journal : nil
    }
    // Every exchange in the journal before anything is decided: a refused write leaves it
    // whole.
    journal?.flush()
    let recorded = interactions  // redacts what is still waiting, remembering its secrets
    guard !recorded.isEmpty else {
      journal?.remove()  // it holds nothing
      var summary = Summary(file: file, recorded: 0, stored: 0, bytes: 0)
      summary.written = false
      summary.existed = FileManager.default.fileExists(atPath: url.path)
      return summary
    }
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
    if report == nil {
      // A report kept from an earlier recording (appended to) does not cover this one.
      cassette.metadata = cassette.metadata.filter { !DriftReport.isMetadataKey($0.key) }
    }
    let data = CassetteFile.encode(cassette)
    try refuseSecrets(in: data, file: file)
    if let journal, !journal.markCommitting(data) {
      journal.remove()
    }
    try Self.writeAtomically(data, to: url, file: file)
    journal?.remove()
    return Summary(
      file: file, recorded: recorded.count, stored: cassette.interactions.count,
      bytes: data.count, drift: report, changes: changes)
  }

  /// Writes `data`, a file made of what this session recorded (a fuzz seed cut from one of
  /// its answers), as the cassette is written: refused when the scan finds a secret of the
  /// session or a credential's shape in it, then written atomically.
  ///
  /// - Throws: ``RecordingError`` naming every place a secret survived (nothing is written),
  ///   or why the file could not be written.
  package func writeFile(_ data: Data, to url: URL) throws(RecordingError) {
    try refuseSecrets(in: data, file: url.path)
    try Self.writeAtomically(data, to: url, file: url.path)
  }

  /// The scan before every write: the session's live secrets, the credential shapes, the
  /// redactor's rules, and any secret the journal withheld.
  private func refuseSecrets(in data: Data, file: String) throws(RecordingError) {
    let secrets = state.withLock { Array($0.liveSecrets) }
    let hits =
      SecretScanner(liveSecrets: secrets, redactor: redactor).scan(data)
      + WithheldSecret.hits(in: data)
    guard hits.isEmpty else { throw RecordingError(file: file, problem: .secretsFound(hits)) }
  }

  private static func writeAtomically(_ data: Data, to url: URL, file: String)
    throws(RecordingError)
  {
    do {
      try AtomicFile.write(data, to: url)
    } catch {
      throw RecordingError(file: file, problem: .inputOutput(error.description))
    }
  }
}
