import Foundation
import JSONTree
import Testing

@testable import Tape
@testable import TapeCommandLine

@Suite("tape inspect")
struct InspectCommandTests {
  /// A check polling cassette written by the test: 0% twice, 50%, done; and a 401.
  func writeCassette() throws -> URL {
    let url = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"
    func answer(_ text: String, status: Int = 200, repeatCount: Int = 1, at seconds: Int)
      throws -> Interaction
    {
      Interaction(
        request: RecordedRequest(method: "GET", url: url),
        response: RecordedResponse(
          status: status, body: RecordedBody(.json(try JSONParser().parse(text)))),
        offset: .seconds(seconds), repeatCount: repeatCount,
        redactions: ["request.header.X-Auth-Token"])
    }
    let cassette = Cassette(
      interactions: [
        try answer(
          #"{"task_status":0,"progress":{"ratio":"0%","info":"running"}}"#, repeatCount: 2, at: 0),
        try answer(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#, at: 10),
        try answer(#"{"task_status":2,"progress":{"ratio":"100%","info":"success"}}"#, at: 15),
        try answer(
          #"{"error_code":"APIG.0301","error_msg":"Incorrect token"}"#, status: 401, at: 20),
      ], metadata: ["origin": "test"])
    let file = FileManager.default.temporaryDirectory.appending(path: "inspect-\(UUID()).json")
    try CassetteFile.save(cassette, to: file)
    return file
  }

  @Test("the table, the polling sequence with the progress of each answer, and the redactions")
  func text() throws {
    let file = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = TapeCommand.run(["inspect", file.path])
    #expect(outcome.status == 0)
    let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    #expect(lines.first == "\(file.path): 4 interactions, 5 answers with repeats")
    #expect(lines.contains("metadata: origin=test"))
    #expect(
      lines.contains { $0.hasPrefix("0  GET     /v2/tasks/t1/progress  200     2       0 ms ") })
    #expect(
      lines.contains { $0.hasPrefix("3  GET     /v2/tasks/t1/progress  401     1       20000 ms") })
    #expect(
      outcome.output.contains(
        """
        polling sequences:
          GET /v2/tasks/t1/progress (check: CodeArts Check)
            running 0%: running (x2)
            running 50%: running
            succeeded 100%: success
            HTTP 401 APIG.0301: Incorrect token

        redactions:
          #0 request.header.X-Auth-Token
        """))
    #expect(
      outcome.output.hasSuffix(
        "\ndrift (not kept in this cassette; its answers read with the models now):\n  none\n"))
  }

  @Test("the drift kept in the metadata, as text and as JSON")
  func keptDrift() throws {
    let file = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    var cassette = try CassetteFile.load(from: file)
    cassette.metadata = DriftReport(findings: [
      DriftFinding(api: "check", path: "/queue", kind: .unknownMember, detail: "number")
    ]).applied(to: cassette.metadata)
    try CassetteFile.save(cassette, to: file)
    let text = TapeCommand.run(["inspect", file.path]).output
    #expect(
      text.hasSuffix(
        "\ndrift (as recorded, from the metadata):\n"
          + "  check /queue: member the models do not know: number\n"), "\(text)")
    #expect(text.contains("metadata: origin=test\n"))
    let document = try JSONParser().parse(TapeCommand.run(["inspect", "--json", file.path]).output)
    #expect(document["drift"]?["kept"] == .bool(true))
    #expect(document["drift"]?["findings"]?[0]?["path"] == .string("/queue"))
    #expect(
      document["drift"]?["findings"]?[0]?["kind"] == .string("member the models do not know"))
  }

  @Test("--json gives the same as one document")
  func json() throws {
    let file = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = TapeCommand.run(["inspect", "--json", file.path])
    #expect(outcome.status == 0)
    let document = try JSONParser().parse(outcome.output)
    #expect(document["interactions"]?[0]?["repeat"] == .number("2"))
    #expect(document["sequences"]?[0]?["api"] == .string("check"))
    #expect(
      document["sequences"]?[0]?["answers"]?[2]?["reading"] == .string("succeeded 100%: success"))
    #expect(document["redactions"]?[3]?["field"] == .string("request.header.X-Auth-Token"))
  }

  @Test("a file that is not a cassette exits 3 naming it; usage errors exit 2")
  func errors() throws {
    let file = FileManager.default.temporaryDirectory.appending(path: "inspect-\(UUID()).json")
    try Data(#"{"formatVersion": 1, "interactions": [{}]}"#.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let bad = TapeCommand.run(["inspect", file.path])
    #expect(bad.status == 3)
    #expect(bad.errorOutput.contains(file.lastPathComponent))
    #expect(bad.errorOutput.contains("/interactions/0"))
    #expect(TapeCommand.run(["inspect"]).status == 2)
    #expect(TapeCommand.run(["inspect", "a.json", "b.json"]).status == 2)
    #expect(TapeCommand.run(["inspect", "--yaml", "a.json"]).status == 2)
  }
}
