import CloudProgress
import Foundation
import JSONTree
import Tape
import Testing

@testable import TapeCommandLine

@Suite("Drift report")
struct DriftReportTests {
  func interaction(_ json: String, status: Int = 200) throws -> Interaction {
    Interaction(
      request: RecordedRequest(method: "GET", url: "https://h.example/v2/tasks/t/progress"),
      response: RecordedResponse(
        status: status, body: RecordedBody(.json(try JSONParser().parse(Data(json.utf8))))))
  }

  @Test("documented answers drift nothing; new fields, unknown statuses and failures are named")
  func findings() throws {
    let report = DriftReport(
      api: .check,
      interactions: [
        try interaction(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#),
        try interaction(
          #"{"task_status":0,"progress":{"ratio":"60%","info":"running","eta":12},"queue":3}"#),
        try interaction(#"{"task_status":9,"progress":{"ratio":"70%","info":"running"}}"#),
        try interaction(#"{"task_status":"soon","progress":{"ratio":"70%","info":"x"}}"#),
        try interaction(#"{"error_code":"CC.00000000","error_msg":"busy"}"#, status: 400),
        try interaction(#"[1, 2]"#),
      ])
    #expect(report.findings.contains("interaction #1: new field /progress/eta"))
    #expect(report.findings.contains("interaction #1: new field /queue"))
    #expect(
      report.findings.contains("interaction #2: a status value the documentation does not list"))
    #expect(report.findings.contains { $0.hasPrefix("interaction #3: ") }, "\(report.findings)")
    #expect(report.findings.contains { $0.hasPrefix("interaction #5: decode failure: ") })
    #expect(!report.findings.contains { $0.hasPrefix("interaction #0") })
    #expect(!report.findings.contains { $0.hasPrefix("interaction #4") })
    #expect(DriftReport(api: .check, interactions: [try interaction("{}")]).summary == "none")
  }
}
