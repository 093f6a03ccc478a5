import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Collects the exchanges of a recording, redacted as they arrive, and writes them as one
/// cassette when the recording ends.
///
/// Thread-safe: parallel tasks record into one recorder. Each exchange takes its place when
/// its request is sent, so the cassette keeps the order requests were sent in (and with it
/// the order within every match key) whatever order the answers arrive in. Recording one
/// exchange costs the same however many came before: nothing is written until
/// ``write(to:named:appendingTo:metadata:)``, which writes the whole cassette once,
/// atomically.
public final class CassetteRecorder: Sendable {
  /// The redactor every exchange passes through before it is kept.
  public let redactor: Redactor
  private let elapsed: @Sendable () -> Duration
  private let state: Mutex<State>

  private struct State {
    var slots: [Interaction?] = []
    var liveSecrets: Set<String> = []
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

    /// `Tape recorded 7 interactions into cassettes/x.json (3 stored, ...)`.
    public var description: String {
      "Tape recorded \(recorded) interaction\(recorded == 1 ? "" : "s") into \(file) "
        + "(\(stored) stored after folding repeats, \(bytes) bytes)"
    }
  }

  /// Creates a recorder; `liveSecrets` are values the session uses that must never be
  /// written (a secret key, a password), on top of those it sees in secret headers.
  /// `elapsed` gives the time since the recording started, for offsets and durations: the
  /// real clock by default, a virtual one when the session runs on virtual time.
  public init(
    redactor: Redactor = .standard, liveSecrets: [String] = [],
    elapsed: (@Sendable () -> Duration)? = nil
  ) {
    self.redactor = redactor
    let start = ContinuousClock.now
    self.elapsed = elapsed ?? { ContinuousClock.now - start }
    self.state = Mutex(State(liveSecrets: Set(liveSecrets)))
  }

  /// Reserves the next place in the cassette for a request being sent now.
  public func begin() -> (slot: Int, offset: Duration) {
    let offset = elapsed()
    let slot = state.withLock { state in
      state.slots.append(nil)
      return state.slots.count - 1
    }
    return (slot, offset)
  }

  /// Keeps an exchange in its place: redacted, its secret values remembered for the scan.
  public func complete(
    slot: Int, request: URLRequest, response: HTTPURLResponse, body: Data, offset: Duration
  ) {
    let duration = elapsed() - offset
    let raw = CapturedExchange.interaction(
      request: request, response: response, body: body, offset: offset, duration: duration)
    let secrets = redactor.secretValues(in: raw)
    let redacted = redactor.redact(raw)
    state.withLock { state in
      state.slots[slot] = redacted
      state.liveSecrets.formUnion(secrets)
    }
  }

  /// Adds a secret value the session used, which the final scan must not find.
  public func addLiveSecret(_ value: String) {
    _ = state.withLock { $0.liveSecrets.insert(value) }
  }

  /// The redacted interactions recorded so far, in the order their requests were sent
  /// (exchanges that failed without an answer are left out).
  public var interactions: [Interaction] {
    state.withLock { $0.slots.compactMap { $0 } }
  }

  /// The cassette to write: `base`'s interactions (for `newEpisodes`), then this session's,
  /// runs of identical exchanges folded into one with a repeat count.
  public func cassette(appendingTo base: Cassette? = nil, metadata: [String: String] = [:])
    -> Cassette
  {
    var merged = base?.metadata ?? [:]
    merged.merge(metadata) { $1 }
    return Cassette(
      interactions: RepeatFolding.fold((base?.interactions ?? []) + interactions),
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
    let cassette = cassette(appendingTo: base, metadata: metadata)
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
      file: file, recorded: interactions.count, stored: cassette.interactions.count,
      bytes: data.count)
  }
}
