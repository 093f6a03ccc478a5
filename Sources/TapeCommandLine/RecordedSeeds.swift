import CloudDrift
import CloudSigning
import Foundation
import Tape

/// Feeds recordings to the fuzzer, as seeds in `<corpus>/<api>/seeds/` named with the
/// answer's HTTP status last, as the fuzzer picks its seeds: each distinct successful JSON
/// answer of the five APIs (already redacted) that matches the models is
/// `recorded-<sha256 prefix of its content>-<status>.json`, and each answer that drifts
/// from them is `drifted-<sha256 prefix of its drift>-<status>.json`, one per distinct
/// drift (the same new member in a hundred polls is one seed), so that the next fuzz run
/// starts from what the service really sends.
///
/// Each seed is written by the session's recorder, through the scan and the atomic write
/// its cassette went through.
enum RecordedSeeds {
  /// Writes the seeds of what `recorder` recorded; returns how many files are new.
  static func write(
    of recorder: CassetteRecorder, corpus: URL, inspector: DriftInspector = .huaweiCloud
  ) throws -> Int {
    var written = 0
    for interaction in recorder.interactions {
      let response = interaction.response
      guard (200..<300).contains(response.status), let body = response.body,
        case .json(let tree) = body.content, let reading = inspector.reading(of: interaction)
      else { continue }
      let bytes = Data((tree.serialized(.canonical) + "\n").utf8)
      let name: String
      if reading.findings.isEmpty {
        name = "recorded-" + SHA256.hash(bytes).hex.prefix(16)
      } else {
        let drift = reading.findings.sorted().map(\.description).joined(separator: "\n")
        name = "drifted-" + SHA256.hash(Data(drift.utf8)).hex.prefix(16)
      }
      let folder = corpus.appending(path: reading.api).appending(path: "seeds")
      let file = folder.appending(path: "\(name)-\(response.status).json")
      guard !FileManager.default.fileExists(atPath: file.path) else { continue }
      try recorder.writeFile(bytes, to: file)
      written += 1
    }
    return written
  }
}
