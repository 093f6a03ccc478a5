import Foundation
import JSONTree
import SystemInterface

/// The work of a ``RecordingJournal``'s own thread, which alone touches the file: each
/// exchange redacted, handed back to the recorder, made secret-free
/// (``JournalSanitizer``), and appended as one line; everything that came together written
/// with one `write(2)`. When a secret learned now may be in a line written before it was
/// known (``SeenWindows``), the journal is written again without it.
struct JournalWriter {
  let url: URL
  let header: String
  let redactor: Redactor
  let queue: JournalQueue
  /// Hands the redacted form of an exchange, and its secrets, back to the recorder.
  let handBack: @Sendable (Int, Interaction, [String]) -> Void
  var descriptor: Int32
  var sanitizer: JournalSanitizer
  /// Each exchange journaled, redacted by the rules, by its place in the cassette.
  var kept: [(slot: Int, interaction: Interaction)] = []
  /// The windows of every line written, once some secret is known.
  var windows: SeenWindows?
  /// Lines made, not yet written.
  var pending = ""

  init(
    url: URL, header: String, descriptor: Int32, redactor: Redactor, queue: JournalQueue,
    handBack: @escaping @Sendable (Int, Interaction, [String]) -> Void
  ) {
    self.url = url
    self.header = header
    self.descriptor = descriptor
    self.redactor = redactor
    self.queue = queue
    self.handBack = handBack
    sanitizer = JournalSanitizer(redactor: redactor)
  }

  /// Works until the journal is closed, then closes the file.
  mutating func run() {
    while let items = queue.take() {
      var exchanges = 0
      for item in items {
        switch item {
        case .exchange(let slot, let answered):
          exchanges += 1
          let raw = answered.interaction
          let redacted = redactor.redact(raw)
          let secrets = CassetteRecorder.secretValues(in: raw, redactor: redactor)
          handBack(slot, redacted, secrets)
          learn(secrets)
          kept.append((slot, redacted))
          pending += sanitizer.line(for: redacted, slot: slot)
        case .secrets(let values):
          learn(values)
        case .mark(let fingerprint):
          pending +=
            JSONValue.object([JSONMember("committing", .string(fingerprint))]).serialized()
            + "\n"
        }
      }
      writePending()
      queue.done(exchanges: exchanges)
    }
    if descriptor >= 0 { close(descriptor) }
    queue.finished()
  }

  /// Adds secrets; rewrites the journal when one of the new ones may be in a line written.
  private mutating func learn(_ secrets: [String]) {
    guard !secrets.isEmpty else { return }
    let forms = sanitizer.learn(secrets)
    guard !forms.isEmpty else { return }
    writePending()
    guard !kept.isEmpty else {
      if windows == nil { windows = SeenWindows() }
      return
    }
    let mayHold =
      windows.map { windows in
        forms.contains { windows.mayContain($0) || windows.mayContain(Self.escaped($0)) }
      } ?? true
    if mayHold { rewrite() }
  }

  /// Writes what was made since the last write, with one `write(2)`.
  private mutating func writePending() {
    guard !pending.isEmpty else { return }
    defer { pending = "" }
    guard queue.failure == nil, descriptor >= 0 else { return }
    if !SystemWrite.all(pending, to: descriptor) {
      queue.fail("cannot append to the journal: \(String(cString: strerror(errno)))")
    }
    windows?.insert(pending)
  }

  /// Writes the journal again from what was kept, every line sanitized with every secret
  /// known now, and swaps it in atomically.
  private mutating func rewrite() {
    guard queue.failure == nil else { return }
    var rewritten = SeenWindows()
    var text = header + "\n"
    for (slot, interaction) in kept {
      text += sanitizer.line(for: interaction, slot: slot)
    }
    rewritten.insert(text)
    do {
      try AtomicFile.write(Data(text.utf8), to: url, permissions: 0o600)
    } catch {
      queue.fail("cannot rewrite the journal: \(error)")
      return
    }
    if descriptor >= 0 { close(descriptor) }
    descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
    if descriptor < 0 {
      queue.fail("cannot reopen the journal: \(String(cString: strerror(errno)))")
    }
    windows = rewritten
  }

  /// `form` as it appears inside a JSON string.
  private static func escaped(_ form: [UInt8]) -> [UInt8] {
    let quoted = JSONValue.string(String(decoding: form, as: UTF8.self)).serialized()
    return Array(quoted.utf8.dropFirst().dropLast())
  }
}
