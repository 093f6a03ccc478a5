import Foundation

/// The recording a new cassette is compared with: the cassette it replaces (a re-record
/// with `all`, or `newEpisodes` appending to it), else the newest cassette beside it (by
/// `recordedAt`, then name) that holds answers of one of the same APIs.
struct PreviousRecording {
  /// How reports name it.
  var name: String
  /// Its shape.
  var shape: RecordingShape

  /// The previous recording of a cassette about to be written to `url`, which reports name
  /// `name`, holding answers of `apis`; nil when there is none. A file that does not load
  /// as a cassette is passed over.
  static func find(
    replacing url: URL, named name: String, apis: Set<String>,
    inspector: DriftInspector
  ) -> PreviousRecording? {
    if FileManager.default.fileExists(atPath: url.path) {
      guard let cassette = try? CassetteFile.load(from: url) else { return nil }
      return PreviousRecording(
        name: name, shape: RecordingShape(inspector.readings(of: cassette.interactions)))
    }
    let folder = url.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var newest: (recordedAt: String, file: String, shape: RecordingShape)?
    for file in names where file.hasSuffix(".json") {
      guard let cassette = try? CassetteFile.load(from: folder.appending(path: file)) else {
        continue
      }
      let shape = RecordingShape(inspector.readings(of: cassette.interactions))
      guard !apis.isDisjoint(with: shape.apis.keys) else { continue }
      let recordedAt = cassette.recordedAt ?? ""
      if let found = newest, (found.recordedAt, found.file) >= (recordedAt, file) { continue }
      newest = (recordedAt, file, shape)
    }
    guard let newest else { return nil }
    return PreviousRecording(name: sibling(newest.file, of: name), shape: newest.shape)
  }

  /// `file` named as `name` names its neighbour: in the same folder.
  private static func sibling(_ file: String, of name: String) -> String {
    guard let slash = name.lastIndex(of: "/") else { return file }
    return String(name[...slash]) + file
  }
}
