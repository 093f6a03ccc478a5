import CloudProgress
import CloudSigning
import Foundation
import Tape

/// Feeds recordings to the fuzzer: each distinct successful JSON body (already redacted)
/// becomes a seed `<corpus>/<api>/seeds/recorded-<sha256 prefix>.json`, named by a hash of
/// its content, so the same answer recorded twice is one seed.
enum RecordedSeeds {
  /// Writes the seeds of `interactions`; returns how many files are new.
  static func write(_ interactions: [Interaction], api: CloudAPI, corpus: URL) throws -> Int {
    let folder = corpus.appending(path: api.rawValue).appending(path: "seeds")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var written = 0
    for interaction in interactions {
      let response = interaction.response
      guard (200..<300).contains(response.status), let body = response.body,
        case .json(let tree) = body.content
      else { continue }
      let bytes = Data((tree.serialized(.canonical) + "\n").utf8)
      let name = "recorded-" + SHA256.hash(bytes).hex.prefix(16) + ".json"
      let file = folder.appending(path: name)
      guard !FileManager.default.fileExists(atPath: file.path) else { continue }
      try bytes.write(to: file, options: .atomic)
      written += 1
    }
    return written
  }
}
