import DecoderFuzz
import Foundation
import JSONTree
import Testing

/// One bug at many array indices is one finding, minimized to the first index.
@Suite("Findings at array indices")
struct IndexedFindingTests {
  /// A `cpts` target whose decoder "rejects" any null detail, at its index.
  static let nullDetailTarget = FuzzTarget(
    name: "null-detail", corpusKey: "cpts", seedSelection: .success, schema: .cpts
  ) { bytes in
    guard case .array(let details)? = (try? JSONParser().parse(bytes))?["json"]?["details"],
      let index = details.firstIndex(of: .null)
    else { return .accepted(signature: "ok") }
    return .finding(
      FindingReport(.documentedRejected, path: "/json/details/\(index)", detail: "null detail"))
  }

  @Test("the campaign saves it once, at /json/details/0, as small as it gets")
  func savedOnce() throws {
    let directory = FileManager.default.temporaryDirectory.appending(
      path: "indexed-finding-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = try #require(
      FuzzCampaign.run(
        FuzzConfiguration(
          targets: [Self.nullDetailTarget], seed: 1, budget: .runs(3_000),
          corpusDirectory: corpusDirectory, findingsDirectory: directory
        ) { target in InProcessExecutor(target: target, budgetMilliseconds: 10_000) }
      ).first)
    #expect(report.findingInputs > 1)
    #expect(report.findings.count == 1)
    let finding = try #require(report.findings.first)
    #expect(finding.report.path == "/json/details/0")
    #expect(String(decoding: finding.input, as: UTF8.self) == #"{"json":{"details":[null]}}"#)
  }
}
