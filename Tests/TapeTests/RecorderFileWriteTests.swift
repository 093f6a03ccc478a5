import Foundation
import Tape
import Testing

/// A file cut from a session's recording (a fuzz seed) goes through the cassette's scan and
/// atomic write, never around them.
@Suite("Recorder: files made of a recording")
struct RecorderFileWriteTests {
  static let secret = "seed-live-secret-0417"

  /// A recorder whose session used ``secret`` (each test gets its own, and its own folder).
  let recorder: CassetteRecorder = {
    let recorder = CassetteRecorder()
    recorder.addLiveSecret(RecorderFileWriteTests.secret)
    return recorder
  }()
  let folder = FileManager.default.temporaryDirectory.appending(path: "recorder-file-\(UUID())")

  @Test(
    "a live secret of the session in the file refuses the write, naming where, and writes nothing")
  func liveSecretRefused() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "seed-200.json")
    let error = #expect(throws: RecordingError.self) {
      try recorder.writeFile(Data(#"{"note":"echo \#(Self.secret)"}"#.utf8), to: file)
    }
    #expect(
      error?.description.contains("at /note: a live secret (raw)") == true,
      "\(String(describing: error))")
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test("a clean file is written whole, its folder made, with no temporary file left")
  func cleanFileWritten() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check/seeds/seed-200.json")
    let bytes = Data(#"{"task_status":0,"progress":{"ratio":"50%"}}"#.utf8 + [0x0A])
    try recorder.writeFile(bytes, to: file)
    #expect(try Data(contentsOf: file) == bytes)
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: file.deletingLastPathComponent().path) == ["seed-200.json"])
  }
}
