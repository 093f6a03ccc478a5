import CloudDrift
import Foundation
import JSONTree
import Tape
import Testing

/// The five APIs' answers read against the models: each kind of drift, with its path, and
/// never a value but an enumerated field's.
@Suite("Drift: reading answers against the models")
struct ModelReadingTests {
  @Test("a documented answer drifts nothing; each kind of drift is named with its path")
  func eachKind() throws {
    let documented = DriftReport(
      DriftInspector.huaweiCloud.readings(of: [
        try DriftFixtures.interaction(DriftFixtures.documented)
      ]))
    #expect(documented.findings.isEmpty, "\(documented)")
    #expect(documented.apis == ["check"])

    let report = DriftReport(
      DriftInspector.huaweiCloud.readings(of: [
        try DriftFixtures.interaction(DriftFixtures.drifted),
        try DriftFixtures.interaction(DriftFixtures.undecodable),
      ]))
    let missing = report.findings.filter { $0.kind == .missingMember }
    #expect(missing.map(\.path) == ["/progress/info"])
    #expect(
      report.findings.filter { $0.kind != .missingMember }.map(\.description)
        == DriftFixtures.expectedFindings)
    #expect(!report.description.contains(DriftFixtures.secretValue))
    #expect(!report.description.contains("150"))
  }

  @Test("other requests, redirects and error answers make no finding; error codes are kept")
  func leftOut() throws {
    let inspector = DriftInspector.huaweiCloud
    let elsewhere = try DriftFixtures.interaction(
      #"{"unknown":1}"#, url: "https://h.example/v9/other")
    #expect(inspector.reading(of: elsewhere) == nil)
    #expect(inspector.reading(of: try DriftFixtures.interaction("{}", status: 302)) == nil)
    let error = try #require(
      inspector.reading(
        of: try DriftFixtures.interaction(
          #"{"error_code":"CC.00000003","error_msg":"no such task","extra":1}"#, status: 404)))
    #expect(error.findings.isEmpty)
    #expect(error.shape.errorCodes == [#""CC.00000003""#])
  }

  @Test("an undocumented value in an array, and a stranger where an enum is, by pattern")
  func arraysAndObjects() throws {
    let cpts = try DriftFixtures.interaction(
      #"{"json":{"details":[{"id":1,"status":0},{"id":2,"status":9,"more":true}],"process_status":0}}"#,
      url: "https://cpts.cn-north-4.myhuaweicloud.com/v1/p/test-suites/upload/processes")
    let report = DriftReport(DriftInspector.huaweiCloud.readings(of: [cpts]))
    let found = report.findings.filter { $0.kind != .missingMember }.map(\.description)
    #expect(
      found == [
        "cpts /json/details/*/more: member the models do not know: boolean",
        "cpts /json/details/*/status: undocumented value: 9",
      ])
    let check = try DriftFixtures.interaction(
      #"{"task_status":0,"progress":{"ratio":"5%","info":{"token":"\#(DriftFixtures.secretValue)"}}}"#
    )
    let stranger = DriftReport(DriftInspector.huaweiCloud.readings(of: [check]))
    #expect(
      stranger.findings.map(\.description).contains {
        $0.hasPrefix("check /progress/info: wire anomaly: documented one of ")
          && $0.hasSuffix(", found object")
      }, "\(stranger)")
    #expect(!stranger.description.contains(DriftFixtures.secretValue))
  }

  @Test("the report in the metadata reads back as it was, one sorted entry a path")
  func metadataRoundTrip() throws {
    let report = DriftReport(
      DriftInspector.huaweiCloud.readings(of: [
        try DriftFixtures.interaction(DriftFixtures.drifted),
        try DriftFixtures.interaction(DriftFixtures.undecodable),
      ]))
    let metadata = report.applied(to: ["origin": "test", "drift check: wire anomaly": "/x: y"])
    #expect(metadata["origin"] == "test")
    #expect(metadata["drift check: wire anomaly"]?.hasPrefix("/x") == false)
    #expect(metadata["drift"] == "5 findings")
    #expect(metadata["drift check: undocumented value"] == "/task_status: 7")
    #expect(metadata.keys.filter { $0.hasPrefix("drift") }.count == 6)
    #expect(DriftReport(metadata: metadata)?.findings == report.findings)
    #expect(DriftReport(metadata: ["origin": "test"]) == nil)
    // The summary line older cassettes kept, with no entries, is no report.
    #expect(DriftReport(metadata: ["drift": "interaction #1: new field /queue"]) == nil)
  }

  @Test(
    "member names and values holding ': ', '; ' or '%' read back from the metadata as they were")
  func metadataRoundTripOfSeparators() throws {
    let findings = [
      DriftFinding(
        api: "check", path: "/progress/a; /b: c", kind: .unknownMember, detail: "string"),
      DriftFinding(
        api: "check", path: "/progress/info", kind: .undocumentedValue,
        detail: #""x; /y: z""#),
      DriftFinding(api: "check", path: "/progress/%3A", kind: .unknownMember, detail: "100%3B"),
    ]
    let report = DriftReport(findings: findings)
    let metadata = report.applied(to: [:])
    #expect(
      metadata["drift check: member the models do not know"]
        == "/progress/%253A: 100%253B; /progress/a%3B /b%3A c: string")
    #expect(DriftReport(metadata: metadata)?.findings == report.findings)
    // An entry an older cassette kept unescaped, a detail holding "; ", still reads back.
    let older = DriftReport(metadata: [
      "drift": "1 finding", "drift check: undocumented value": #"/progress/info: "p; q""#,
    ])
    #expect(older?.findings.map(\.detail) == [#""p; q""#])
  }
}
