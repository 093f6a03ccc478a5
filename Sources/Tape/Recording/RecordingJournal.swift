import Foundation
import JSONTree
import Synchronization
import SystemInterface

/// The append-only recovery file of a recording session, beside its cassette:
/// `<cassette>.journal` (`check.json.journal`). A process killed before it wrote the
/// cassette (`kill -9`, a crash, a second Ctrl-C during the write) or whose write was
/// refused leaves it, and the next run on the same cassette rebuilds the cassette from it
/// (``CassetteRecorder/recoverJournal(beside:named:redactor:environment:drift:)``). It is deleted
/// once the cassette is written. Never commit it: it is a recovery file, not a cassette.
///
/// One JSON document per line: a header (which cassette, whether the session appends to
/// the one on disk, the metadata to write), then one line per exchange in the order the
/// answers came:
///
/// ```
/// {"tapeJournal":1,"cassette":"check.json","appendsToExisting":false,"metadata":{...}}
/// {"slot":0,"cassette":{"formatVersion":1,"interactions":[{...}]}}
/// {"slot":1,"withheld":["at /interactions/0/response/body/base64: an IAM token"]}
/// {"committing":"fnv1a64-...-1234"}
/// ```
///
/// The journal has a thread of its own (``JournalWriter``): the connection that answered an
/// exchange only queues it, and the thread redacts it, hands the redacted form back to the
/// recorder, and appends its line within a millisecond (``JournalQueue``), everything that
/// came together with one `write(2)` (no `fsync`: a killed process loses nothing the system
/// was given). At most ``JournalQueue/backlog`` exchanges wait for it; a connection that
/// answers faster waits.
///
/// The journal holds only what a cassette may hold: each exchange redacted by the
/// recorder's rules, every live secret known so far replaced as the final write replaces
/// them, and scanned as the final write scans (``JournalSanitizer``). A secret learned
/// later that an earlier line may hold makes the journal be written again without it. A
/// value the scan would refuse becomes ``WithheldSecret/marker``, so a rebuild is refused
/// there until a rule redacts it; a line with any other hit is withheld whole.
/// `committing` is written just before the cassette replaces the file, with the new file's
/// fingerprint: a journal whose cassette already has those bytes was written, and is only
/// deleted.
///
/// The file is created with mode 0600; a failed append (a full disk) stops the journal and
/// says so in ``failure``, never the recording.
public final class RecordingJournal: Sendable {
  /// The journal file.
  public let url: URL
  /// The queue of the journal's thread; nil for one reopened to be marked and removed.
  private let queue: JournalQueue?
  /// The file of a reopened journal, and why it could not be written.
  private let reopened: Mutex<(descriptor: Int32, failure: String?)>

  /// Where the journal of `cassette` is: the cassette's path with `.journal` added.
  public static func url(for cassette: URL) -> URL {
    URL(fileURLWithPath: cassette.path + ".journal")
  }

  private init(url: URL, queue: JournalQueue?, descriptor: Int32) {
    self.url = url
    self.queue = queue
    self.reopened = Mutex((descriptor, nil))
  }

  /// Why the journal stopped being written, if it did.
  public var failure: String? { queue?.failure ?? reopened.withLock { $0.failure } }

  /// Starts the journal of a new session of `cassette` and its thread; `appendsToExisting`
  /// says whether the session's interactions go after those of the cassette on disk
  /// (`newEpisodes`) or replace them; `handBack` receives each exchange redacted, with the
  /// live secrets it carried. Refuses when a journal is there already: recover it first.
  static func begin(
    for cassette: URL, appendsToExisting: Bool, metadata: [String: String],
    redactor: Redactor,
    handBack: @escaping @Sendable (Int, Interaction, [String]) -> Void
  ) throws(RecordingError) -> RecordingJournal {
    let url = url(for: cassette)
    let header = JSONValue.object([
      JSONMember("tapeJournal", .number("1")),
      JSONMember("cassette", .string(cassette.lastPathComponent)),
      JSONMember("appendsToExisting", .bool(appendsToExisting)),
      JSONMember(
        "metadata",
        .object(metadata.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })
      ),
      JSONMember("startedAt", .string(Date.now.formatted(.iso8601))),
    ]).serialized()
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw RecordingError(
        file: url.path, problem: .inputOutput("cannot create the folder: \(error)"))
    }
    let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let reason =
        errno == EEXIST
        ? "a journal of an earlier session is there: rebuild the cassette from it first"
        : "cannot create the journal: \(String(cString: strerror(errno)))"
      throw RecordingError(file: url.path, problem: .inputOutput(reason))
    }
    guard append(header + "\n", to: descriptor) else {
      let reason = "cannot write the journal: \(String(cString: strerror(errno)))"
      close(descriptor)
      unlink(url.path)
      throw RecordingError(file: url.path, problem: .inputOutput(reason))
    }
    let queue = JournalQueue()
    let thread = Thread { [url] in
      var writer = JournalWriter(
        url: url, header: header, descriptor: descriptor, redactor: redactor, queue: queue,
        handBack: handBack)
      writer.run()
    }
    thread.name = "tape-journal"
    thread.start()
    return RecordingJournal(url: url, queue: queue, descriptor: -1)
  }

  /// The journal an earlier session left, opened to be marked and removed when the cassette
  /// rebuilt from it is written; nothing else is appended to it.
  static func reopen(_ url: URL, endsWithNewline: Bool) -> RecordingJournal {
    let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
    let journal = RecordingJournal(url: url, queue: nil, descriptor: descriptor)
    if descriptor < 0 {
      journal.reopened.withLock {
        $0.failure = "cannot open the journal: \(String(cString: strerror(errno)))"
      }
    } else if !endsWithNewline, !append("\n", to: descriptor) {
      // A line cut short by a killed process: what follows must start a line of its own.
      journal.reopened.withLock { $0.failure = "cannot write the journal" }
    }
    return journal
  }

  /// Queues an answered exchange for the journal's thread (waiting for room when it is
  /// behind).
  func append(slot: Int, _ answered: AnsweredExchange) {
    queue?.push(.exchange(slot: slot, answered))
  }

  /// Adds live secrets of the session, learned elsewhere.
  func learn(_ secrets: some Sequence<String>) {
    let values = Array(secrets)
    guard !values.isEmpty else { return }
    queue?.push(.secrets(values))
  }

  /// Waits until the journal's thread has journaled everything queued so far.
  package func flush() {
    queue?.flush()
  }

  /// Notes, just before the cassette is renamed into place, the fingerprint of its bytes;
  /// returns false when it could not (then the journal, which may be incomplete, must go
  /// before the rename: rebuilt after it, it would replace the whole session with a part).
  func markCommitting(_ data: Data) -> Bool {
    let fingerprint = CassetteFingerprint.of(data)
    if let queue {
      queue.push(.mark(fingerprint))
      queue.flush()
      return queue.failure == nil
    }
    return reopened.withLock { state in
      guard state.failure == nil, state.descriptor >= 0 else { return false }
      let line = JSONValue.object([JSONMember("committing", .string(fingerprint))]).serialized()
      return Self.append(line + "\n", to: state.descriptor)
    }
  }

  /// Deletes the journal (its cassette is written, or the session is given up); nothing is
  /// appended to it any more.
  public func remove() {
    if let queue, queue.close() {
      queue.waitForExit()
    }
    reopened.withLock { state in
      if state.descriptor >= 0 { close(state.descriptor) }
      state.descriptor = -1
    }
    unlink(url.path)
  }

  deinit {
    // The file stays: it is the recovery of a session that was not written.
    queue?.close()
    reopened.withLock { state in
      if state.descriptor >= 0 { close(state.descriptor) }
    }
  }

  /// Writes `text` with one `write(2)` (more only if the system takes part of it).
  private static func append(_ text: String, to descriptor: Int32) -> Bool {
    SystemWrite.all(text, to: descriptor)
  }
}
