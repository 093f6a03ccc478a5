import CloudDrift
import Foundation
import Synchronization
import Tape
import Testing

@testable import TapeTesting

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The `.cassette` trait with the models' inspector: the message that says what was
/// recorded carries the drift report, and, on a re-record, what changed.
@Suite("Drift: the cassette trait")
struct CassetteTraitDriftTests {
  /// Runs a test body that sends one request per answer through the trait's player, in a
  /// recording `mode`; returns the text of the issues it recorded.
  func recordInTrait(
    _ server: ScriptedServer, requests: Int, mode: String, folder: URL
  ) async throws -> String {
    var trait = CassetteTrait.cassette(
      "drifted", upstream: StandInTransport(at: server.baseURL), redactor: .huaweiCloud,
      drift: .huaweiCloud)
    trait.environment = ["TAPE_RECORD": mode, "TAPE_CASSETTES": folder.path]
    let test = try #require(Test.current)
    let messages = LockedText()
    trait.announce = { text in messages.append(text) }
    try await trait.provideScope(for: test, testCase: Test.Case.current) {
      let tape = try #require(CassettePlayer.current)
      for _ in 0..<requests {
        _ = try await tape.transport.send(URLRequest(url: URL(string: DriftFixtures.checkURL)!))
      }
    }
    return messages.text
  }

  @Test("the recorded-into message carries each kind of drift; a re-record names the change")
  func traitReportsDrift() async throws {
    let folder = DriftFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let server = try ScriptedServer([
      (200, DriftFixtures.drifted), (200, DriftFixtures.undecodable),
    ])
    let first = try await recordInTrait(server, requests: 2, mode: "once", folder: folder)
    #expect(first.hasPrefix("Tape recorded 2 interactions into "))
    for line in DriftFixtures.expectedFindings {
      #expect(first.contains("\n  \(line)"), "\(first)")
    }
    #expect(first.contains("check /progress/info: documented member that never came"))
    #expect(!first.contains(DriftFixtures.secretValue))
    let file = folder.appending(path: "drifted.json")
    let kept = try #require(DriftReport(metadata: try CassetteFile.load(from: file).metadata))
    #expect(
      kept.findings.filter { $0.kind != .missingMember }.map(\.description)
        == DriftFixtures.expectedFindings)

    server.answer([(200, DriftFixtures.documented)])
    _ = try await recordInTrait(server, requests: 1, mode: "all", folder: folder)
    server.answer([(200, DriftFixtures.ratioAsNumber)])
    let changed = try await recordInTrait(server, requests: 1, mode: "all", folder: folder)
    await server.stop()
    #expect(
      changed.contains(
        "changes since \(folder.path)/drifted.json (1 change):\n"
          + "  check /progress/ratio: type changed: string -> number"), "\(changed)")
    #expect(DriftReport(metadata: try CassetteFile.load(from: file).metadata)?.isEmpty == true)
  }
}

/// Text collected from several threads.
final class LockedText: Sendable {
  private let lines = Mutex<[String]>([])

  func append(_ line: String) { lines.withLock { $0.append(line) } }

  var text: String { lines.withLock { $0.joined(separator: "\n") } }
}
