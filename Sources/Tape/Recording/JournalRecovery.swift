import Foundation

/// What rebuilding a cassette from the journal an earlier session left did.
public struct JournalRecovery: Hashable, Sendable, CustomStringConvertible {
  /// The journal, as named in messages.
  public var journal: String
  /// The cassette, as named in messages.
  public var file: String
  /// The write, when the cassette was rebuilt (nil when it already held the session).
  public var summary: CassetteRecorder.Summary?
  /// The exchanges the journal held.
  public var recovered: Int
  /// Exchanges the journal withheld whole (a secret the scan found in them): lost.
  public var withheld: Int
  /// Lines that could not be read (the last one cut short by a killed process): lost.
  public var unreadable: Int

  /// What was done, and what was lost, in a sentence or two.
  public var description: String {
    var text =
      "found \(journal), left by a recording that was interrupted or whose write was refused"
    if let summary {
      text +=
        summary.written
        ? ": rebuilt \(file) from its \(recovered) interaction\(recovered == 1 ? "" : "s") "
          + "(\(summary.stored) stored, \(summary.bytes) bytes)"
        : ": it held no interaction; \(file) "
          + (summary.existed ? "was left as it was" : "was not written")
    } else {
      text += ": \(file) already held its session"
    }
    if withheld > 0 {
      text +=
        "; \(withheld) exchange\(withheld == 1 ? " was" : "s were") withheld from it "
        + "(a secret survived redaction there) and \(withheld == 1 ? "is" : "are") lost"
    }
    if unreadable > 0 {
      text +=
        "; \(unreadable) line\(unreadable == 1 ? "" : "s") could not be read (cut short by a "
        + "killed process) and \(unreadable == 1 ? "is" : "are") lost"
    }
    return text + "; the journal is deleted"
  }
}

extension CassetteRecorder {
  /// Rebuilds `cassette` from the journal (``RecordingJournal``) an interrupted or refused
  /// session left beside it, if there is one: its interactions redacted again by
  /// `redactor` (with any rule added since), after the cassette on disk when the session
  /// appended to it, scanned and written like any recording, and the journal deleted. A
  /// journal whose cassette already holds what it was about to write is only deleted.
  ///
  /// - Returns: what was done, or nil when there is no journal.
  /// - Throws: ``RecordingError`` when the write is refused (a secret, or a value the
  ///   journal withheld, at a place no rule redacts) or fails; the journal is left, to be
  ///   rebuilt again with another rule.
  public static func recoverJournal(
    beside cassette: URL, named name: String? = nil, redactor: Redactor,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    drift: DriftInspector? = nil
  ) throws(RecordingError) -> JournalRecovery? {
    let url = RecordingJournal.url(for: cassette)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let file = name ?? cassette.path
    let journalName = file + ".journal"
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw RecordingError(
        file: journalName, problem: .inputOutput("cannot read: \(FileProblem.sentence(for: error))")
      )
    }
    let contents = try JournalContents(data, file: journalName)
    var recovery = JournalRecovery(
      journal: journalName, file: file, recovered: contents.interactions.count,
      withheld: contents.withheld, unreadable: contents.unreadable)
    if let mark = contents.committing, CassetteFingerprint.ofFile(at: cassette) == mark {
      unlink(url.path)
      return recovery
    }
    var base: Cassette?
    if contents.appendsToExisting, FileManager.default.fileExists(atPath: cassette.path) {
      do {
        base = try CassetteFile.load(from: cassette, named: file)
      } catch {
        throw RecordingError(file: file, problem: .inputOutput(error.description))
      }
    }
    let recorder = CassetteRecorder(redactor: redactor, environment: environment, drift: drift)
    recorder.adopt(RecordingJournal.reopen(url, endsWithNewline: contents.endsWithNewline))
    for interaction in contents.interactions {
      recorder.keep(interaction)
    }
    recovery.summary = try recorder.write(
      to: cassette, named: file, appendingTo: base, metadata: contents.metadata)
    return recovery
  }
}
