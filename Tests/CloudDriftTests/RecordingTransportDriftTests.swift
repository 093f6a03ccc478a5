import CloudDrift
import Foundation
import HTTPTransportCore
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `RecordingTransport` into a `CassetteRecorder` with the models' inspector: the write's
/// summary carries the drift report and the changes since the previous recording, and the
/// cassette keeps the report in its metadata.
@Suite("Drift: RecordingTransport and the previous recording")
struct RecordingTransportDriftTests {
  /// Records one request per answer of `answers` through a `RecordingTransport` against a
  /// loopback server, into `file`; returns the write's summary.
  func record(
    _ answers: [(status: Int, body: String)], into file: URL, appending: Bool = false,
    drift: DriftInspector? = .huaweiCloud
  ) async throws -> CassetteRecorder.Summary {
    let server = try ScriptedServer(answers)
    let recorder = CassetteRecorder(redactor: .huaweiCloud, drift: drift)
    let transport = RecordingTransport(
      upstream: StandInTransport(at: server.baseURL), recorder: recorder)
    for _ in answers {
      _ = try await transport.send(URLRequest(url: URL(string: DriftFixtures.checkURL)!))
    }
    await server.stop()
    let base = appending ? try CassetteFile.load(from: file) : nil
    return try recorder.write(to: file, appendingTo: base)
  }

  @Test("each kind of drift is printed once at the end and kept in the metadata")
  func eachKind() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    let summary = try await record(
      [(200, DriftFixtures.drifted), (200, DriftFixtures.undecodable)], into: file)
    let report = try #require(summary.drift)
    #expect(
      report.findings.filter { $0.kind != .missingMember }.map(\.description)
        == DriftFixtures.expectedFindings)
    #expect(report.findings.contains { $0.kind == .missingMember && $0.path == "/progress/info" })
    for line in DriftFixtures.expectedFindings {
      #expect(summary.description.contains("\n  \(line)"))
    }
    #expect(summary.changes == nil)
    #expect(summary.description.contains("none to compare with"))
    #expect(!summary.description.contains(DriftFixtures.secretValue))
    let kept = try CassetteFile.load(from: file)
    #expect(DriftReport(metadata: kept.metadata) == report)
    #expect(kept.metadata["drift check: member the models do not know"] == "/new_field: object")
  }

  @Test("members named like secrets are reported by path, and the cassette is still written")
  func secretNamedMembers() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    let summary = try await record(
      [
        (
          200,
          #"{"task_status":2,"progress":{"ratio":"100%","info":"success"},"access_token":"MIIabcdef0123456789","client_secret":{"v":"x9y8z7w6v5"}}"#
        )
      ], into: file)
    #expect(
      summary.drift?.findings.map(\.description) == [
        "check /access_token: member the models do not know: string",
        "check /client_secret: member the models do not know: object",
      ])
    let kept = try CassetteFile.load(from: file)
    #expect(
      kept.metadata["drift check: member the models do not know"]
        == "/access_token: string; /client_secret: object")
    let bytes = try String(contentsOf: file, encoding: .utf8)
    #expect(!bytes.contains("MIIabcdef0123456789") && !bytes.contains("x9y8z7w6v5"))
  }

  @Test("a re-record that changes one member's type reports exactly that")
  func oneTypeChange() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    _ = try await record([(200, DriftFixtures.documented)], into: file)
    let again = try await record([(200, DriftFixtures.documented)], into: file)
    #expect(again.changes?.changes == [])
    #expect(again.description.contains("changes since \(file.path): none"))
    let changed = try await record([(200, DriftFixtures.ratioAsNumber)], into: file)
    #expect(
      changed.changes?.changes == [
        ShapeChange(
          api: "check", path: "/progress/ratio", kind: .typeChanged, detail: "string -> number")
      ])
    #expect(
      changed.description.contains(
        "changes since \(file.path) (1 change):\n  check /progress/ratio: type changed: string -> number"
      ))
  }

  @Test("members added and gone, a new status value and a new error code, each once")
  func otherChanges() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    _ = try await record(
      [(200, DriftFixtures.documented), (404, #"{"error_code":"CC.1","error_msg":"gone"}"#)],
      into: file)
    let changed = try await record(
      [
        (200, #"{"task_status":7,"progress":{"ratio":"50%"},"queue":{"depth":3}}"#),
        (404, #"{"error_code":"CC.2","error_msg":"gone"}"#),
      ], into: file)
    #expect(
      changed.changes?.changes.map(\.description) == [
        #"check (error answers): new error code: "CC.2""#,
        "check /progress/info: member gone: string",
        "check /queue: member added: object",
        "check /task_status: new value: 7",
      ])
  }

  @Test("a new file is compared with the newest cassette of the same API beside it")
  func besideAnOldOne() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try await record([(200, DriftFixtures.documented)], into: folder.appending(path: "t1.json"))
    // Another API's cassette, and a file that is no cassette, are passed over.
    try Data("not a cassette".utf8).write(to: folder.appending(path: "notes.json"))
    let other = CassetteRecorder(drift: .huaweiCloud)
    other.keep(
      try DriftFixtures.interaction(
        #"{"send_success":true}"#,
        url: "https://drs.cn-north-4.myhuaweicloud.com/v5/p/jobs/j/db-object/template/progress"))
    try other.write(to: folder.appending(path: "zz-drs.json"))
    let file = folder.appending(path: "t2.json")
    let summary = try await record([(200, DriftFixtures.ratioAsNumber)], into: file)
    #expect(summary.changes?.previous == folder.appending(path: "t1.json").path)
    #expect(
      summary.changes?.changes.map(\.description) == [
        "check /progress/ratio: type changed: string -> number"
      ])
  }

  @Test("newEpisodes appends and compares with the cassette it appends to")
  func newEpisodes() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    _ = try await record([(200, DriftFixtures.documented)], into: file)
    let appended = try await record([(200, DriftFixtures.drifted)], into: file, appending: true)
    #expect(appended.stored == 2)
    #expect(
      appended.changes?.changes.contains { $0.description == "check /task_status: new value: 7" }
        == true)
    // The report covers the whole cassette: the documented answer brought the info.
    #expect(appended.drift?.findings.contains { $0.kind == .missingMember } == false)
  }

  @Test("an append without an inspector drops the report it cannot vouch for")
  func appendWithoutInspector() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    _ = try await record([(200, DriftFixtures.drifted)], into: file)
    #expect(
      try CassetteFile.load(from: file).metadata.keys.contains { DriftReport.isMetadataKey($0) })
    let appended = try await record(
      [(200, DriftFixtures.documented)], into: file, appending: true, drift: nil)
    #expect(appended.stored == 2)
    #expect(appended.drift == nil)
    let metadata = try CassetteFile.load(from: file).metadata
    #expect(!metadata.keys.contains { DriftReport.isMetadataKey($0) }, "\(metadata)")
  }
}
