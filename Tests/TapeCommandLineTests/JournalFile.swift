import Foundation

/// A recording journal (`<cassette>.journal`) as a test sees it on disk.
struct JournalFile {
  let url: URL

  /// The journal beside `cassette`.
  init(beside cassette: URL) {
    url = URL(fileURLWithPath: cassette.path + ".journal")
  }

  var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

  /// Its text, empty when there is none.
  var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

  /// How many exchanges it holds (whole lines of one).
  var exchanges: Int {
    text.split(separator: "\n").filter { $0.hasPrefix(#"{"slot":"#) }.count
  }
}
