import Foundation
import JSONTree

/// A ``RecordingJournal`` read back: the header, the exchanges in cassette order, what was
/// withheld, and the last `committing` mark.
struct JournalContents: Sendable {
  /// Whether the session's interactions go after those of the cassette on disk.
  var appendsToExisting: Bool
  /// What the cassette is written with.
  var metadata: [String: String]
  /// The exchanges, in the order their requests were sent.
  var interactions: [Interaction]
  /// How many exchanges were withheld whole (a secret the scan found in them).
  var withheld: Int
  /// The fingerprint of the bytes the session was about to rename into place, if it got
  /// that far.
  var committing: String?
  /// Lines that could not be read: the last one cut short by a process killed while
  /// appending it.
  var unreadable: Int
  /// Whether the file ends with a newline (not when its last line was cut short).
  var endsWithNewline: Bool

  /// Reads a journal's bytes; `file` names it in errors.
  init(_ data: Data, file: String) throws(RecordingError) {
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    guard let first = lines.first, let header = try? JSONParser().parse(first),
      header["tapeJournal"] == .number("1")
    else {
      throw RecordingError(
        file: file, problem: .inputOutput("not a Tape recording journal (no journal header)"))
    }
    appendsToExisting = header["appendsToExisting"] == .bool(true)
    var metadata: [String: String] = [:]
    for member in header["metadata"]?.members ?? [] {
      if let value = member.value.stringValue { metadata[member.key] = value }
    }
    self.metadata = metadata
    endsWithNewline = data.last == UInt8(ascii: "\n")
    var entries: [(slot: Int, interaction: Interaction)] = []
    var withheld = 0
    var unreadable = 0
    var committing: String?
    for line in lines.dropFirst() {
      guard let tree = try? JSONParser().parse(line) else {
        unreadable += 1
        continue
      }
      if let mark = tree["committing"]?.stringValue {
        committing = mark
      } else if tree["slot"] != nil, tree["withheld"] != nil {
        withheld += 1
      } else if let slot = tree["slot"]?.numberLexeme.flatMap({ Int($0) }),
        let cassette = tree["cassette"],
        let interaction = try? Cassette(json: cassette, file: file).interactions.first
      {
        entries.append((slot, interaction))
      } else {
        unreadable += 1
      }
    }
    interactions = entries.sorted { $0.slot < $1.slot }.map(\.interaction)
    self.withheld = withheld
    self.unreadable = unreadable
    self.committing = committing
  }
}
