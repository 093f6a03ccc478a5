import Foundation
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The recording journal (`<cassette>.journal`), in process: what its lines hold, and how a
/// cassette is rebuilt from it.
@Suite("Recording journal")
struct RecordingJournalTests {
  /// Records one exchange into `recorder`: a GET of `path` with `headers`, answered 200
  /// with `body` as JSON.
  func record(
    _ recorder: CassetteRecorder, _ path: String, headers: [String: String] = [:],
    body: String
  ) {
    var request = URLRequest(url: URL(string: "https://h.example\(path)")!)
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let response = HTTPURLResponse(
      url: request.url!, statusCode: 200, httpVersion: "HTTP/1.1",
      headerFields: ["Content-Type": "application/json"])!
    let (slot, offset) = recorder.begin()
    recorder.complete(
      slot: slot, request: request, response: response, body: Data(body.utf8), offset: offset)
  }

  func text(_ url: URL) -> String {
    (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  @Test("a secret learned later is taken out of the lines written before it was known")
  func laterSecretRewritesTheJournal() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "later.json")
    let later = "later-token-9a8b7c6d5e4f3a2b1c0d"
    // A secret known from the start: the journal keeps the windows of what it writes.
    let recorder = CassetteRecorder(liveSecrets: ["known-from-the-start-0001"], environment: [:])
    try recorder.startJournal(beside: cassette)
    let journal = try #require(recorder.journal)
    record(recorder, "/first", body: #"{"note": "next, use \#(later)"}"#)
    journal.flush()
    #expect(text(journal.url).contains(later), "not yet known to be a secret")
    record(recorder, "/second", headers: ["X-Auth-Token": later], body: #"{"ok": true}"#)
    journal.flush()
    let lines = text(journal.url)
    #expect(!lines.contains(later))
    #expect(lines.contains(#"next, use <LIVE_SECRET>"#))
    #expect(lines.split(separator: "\n").count == 3)
  }

  @Test(
    "a secret the scan would refuse is withheld; the rebuild is refused there until a rule redacts it"
  )
  func shortSecretIsWithheld() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "short.json")
    let recorder = CassetteRecorder(liveSecrets: ["hunt3r"], environment: [:])
    try recorder.startJournal(beside: cassette)
    record(recorder, "/hint", body: #"{"hint": "hunt3r", "state": "done"}"#)
    #expect(throws: RecordingError.self) { try recorder.write(to: cassette) }
    let journal = RecordingJournal.url(for: cassette)
    #expect(!text(journal).contains("hunt3r"))
    #expect(text(journal).contains(WithheldSecret.marker))
    #expect(!FileManager.default.fileExists(atPath: cassette.path))

    #expect {
      _ = try CassetteRecorder.recoverJournal(
        beside: cassette, redactor: .standard, environment: [:])
    } throws: { error in
      "\(error)".contains(
        "at /interactions/0/response/body/json/hint: a secret withheld from the recording journal")
    }
    #expect(FileManager.default.fileExists(atPath: journal.path))

    let recovery = try #require(
      try CassetteRecorder.recoverJournal(
        beside: cassette, redactor: Redactor.standard.adding(jsonKeys: ["hint"]),
        environment: [:]))
    #expect(recovery.summary?.written == true)
    #expect(!FileManager.default.fileExists(atPath: journal.path))
    let body = try CassetteFile.load(from: cassette).interactions.first?.response.body?.data
    #expect(body == Data(#"{"hint":"<HINT>","state":"done"}"#.utf8))
  }

  @Test("a line the scan finds a credential in (no rule redacted it) is withheld whole")
  func credentialShapeWithholdsTheLine() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "shape.json")
    let token = "MIIEkQYJKoZIhvcNAQcCoIIEgjCCBH4CAQExDTALBglghkgBZQMEAgEwgg"
    // The standard redactor has no rule for IAM tokens (the Huawei Cloud profile has).
    let recorder = CassetteRecorder(redactor: .standard, environment: [:])
    try recorder.startJournal(beside: cassette)
    record(recorder, "/token", body: #"{"note": "\#(token)"}"#)
    record(recorder, "/plain", body: #"{"n": 1}"#)
    let journal = try #require(recorder.journal)
    journal.flush()
    let lines = text(journal.url)
    #expect(!lines.contains("MIIEkQYJ"))
    #expect(
      lines.contains(
        #"{"slot":0,"withheld":["at /interactions/0/response/body/json/note: an IAM token"]}"#))
    #expect(lines.contains(#""url":"https://h.example/plain""#))
    let recovery = try #require(
      try CassetteRecorder.recoverJournal(beside: cassette, redactor: .standard, environment: [:]))
    #expect(recovery.withheld == 1)
    #expect(recovery.description.contains("1 exchange was withheld from it"))
    #expect(try CassetteFile.load(from: cassette).interactions.count == 1)
  }

  @Test("a journal whose cassette already holds what it was about to write is only deleted")
  func committedJournalIsNotAppliedTwice() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "episodes.json")
    let base = Cassette(interactions: [
      try exchange("https://h.example/a", json: #"{"n":1}"#)
    ])
    try CassetteFile.save(base, to: cassette)
    // A newEpisodes session, killed between the rename of its cassette and the deletion of
    // its journal: the journal's last line names the bytes now on disk.
    let recorder = CassetteRecorder(environment: [:])
    try recorder.startJournal(beside: cassette, appendingToExisting: true)
    record(recorder, "/b", body: #"{"n":2}"#)
    let journal = try #require(recorder.journal)
    journal.flush()
    let written = CassetteFile.encode(recorder.cassette(appendingTo: base))
    #expect(journal.markCommitting(written))
    try written.write(to: cassette)
    let onDisk = try Data(contentsOf: cassette)

    let recovery = try #require(
      try CassetteRecorder.recoverJournal(beside: cassette, redactor: .standard, environment: [:]))
    #expect(recovery.summary == nil)
    #expect(try Data(contentsOf: cassette) == onDisk)
    #expect(try CassetteFile.load(from: cassette).interactions.count == 2)
    #expect(!FileManager.default.fileExists(atPath: journal.url.path))
  }

  @Test("a newEpisodes journal is rebuilt after the cassette on disk")
  func appendingJournalGoesAfterTheCassette() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "episodes.json")
    let base = Cassette(interactions: [try exchange("https://h.example/a", json: #"{"n":1}"#)])
    try CassetteFile.save(base, to: cassette)
    let recorder = CassetteRecorder(environment: [:])
    try recorder.startJournal(beside: cassette, appendingToExisting: true)
    record(recorder, "/b", body: #"{"n":2}"#)
    recorder.journal?.flush()
    let recovery = try #require(
      try CassetteRecorder.recoverJournal(beside: cassette, redactor: .standard, environment: [:]))
    #expect(recovery.recovered == 1)
    let urls = try CassetteFile.load(from: cassette).interactions.map(\.request.url)
    #expect(urls == ["https://h.example/a", "https://h.example/b"])
  }

  @Test("a last line cut short by a killed process is skipped and counted; the rest is rebuilt")
  func cutShortLastLine() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "cut.json")
    let recorder = CassetteRecorder(environment: [:])
    try recorder.startJournal(beside: cassette)
    record(recorder, "/one", body: #"{"n":1}"#)
    record(recorder, "/two", body: #"{"n":2}"#)
    let journal = try #require(recorder.journal)
    journal.flush()
    var bytes = try Data(contentsOf: journal.url)
    bytes.removeLast(20)
    try bytes.write(to: journal.url)
    let recovery = try #require(
      try CassetteRecorder.recoverJournal(beside: cassette, redactor: .standard, environment: [:]))
    #expect(recovery.recovered == 1)
    #expect(recovery.unreadable == 1)
    #expect(recovery.description.contains("1 line could not be read"))
    #expect(try CassetteFile.load(from: cassette).interactions.count == 1)
  }

  @Test("a write that fails (or is refused) leaves the journal whole")
  func failedWriteKeepsTheJournal() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A folder where the cassette should be: the rename into place fails.
    let cassette = folder.appending(path: "blocked.json")
    try FileManager.default.createDirectory(at: cassette, withIntermediateDirectories: true)
    let recorder = CassetteRecorder(environment: [:])
    try recorder.startJournal(beside: cassette)
    record(recorder, "/one", body: #"{"n":1}"#)
    #expect(throws: RecordingError.self) { try recorder.write(to: cassette) }
    let lines = text(RecordingJournal.url(for: cassette)).split(separator: "\n")
    #expect(lines.count == 3, "the header, the exchange and the mark of the attempt")
    #expect(lines.last?.hasPrefix(#"{"committing":"#) == true)
  }

  @Test("a session that recorded nothing writes nothing and deletes its journal")
  func emptySession() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "empty.json")
    try CassetteFile.save(
      Cassette(interactions: [try exchange("https://h.example/a", json: "{}")]), to: cassette)
    let before = try Data(contentsOf: cassette)
    let recorder = CassetteRecorder(environment: [:])
    try recorder.startJournal(beside: cassette)
    let summary = try recorder.write(to: cassette, named: "empty.json")
    #expect(!summary.written)
    #expect(
      summary.description
        == "Tape recorded nothing: empty.json was left as it was (a cassette is never replaced by an empty session)"
    )
    #expect(try Data(contentsOf: cassette) == before)
    #expect(!FileManager.default.fileExists(atPath: RecordingJournal.url(for: cassette).path))
  }

  @Test("a second journal of the same cassette is refused while the first is there")
  func oneJournalAtATime() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassette = folder.appending(path: "one.json")
    let first = CassetteRecorder(environment: [:])
    try first.startJournal(beside: cassette)
    #expect(throws: RecordingError.self) {
      try CassetteRecorder(environment: [:]).startJournal(beside: cassette)
    }
    first.journal?.remove()
  }
}
