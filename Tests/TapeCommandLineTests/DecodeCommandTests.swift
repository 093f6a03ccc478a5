import Foundation
import Testing

@testable import TapeCommandLine

@Suite("tape decode")
struct DecodeCommandTests {
  /// Runs `tape` with files served from memory; `-` is standard input.
  func run(_ arguments: [String], files: [String: String] = [:]) -> CommandOutcome {
    TapeCommand.run(arguments) { path in
      guard let text = files[path] else {
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
      }
      return Data(text.utf8)
    }
  }

  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("a seed file prints the model, its progress and whether it is terminal")
  func decodesSeedFile() {
    let path = packageRoot.appending(path: "corpus/check/seeds/task-progress-200.json").path
    let outcome = TapeCommand.run(["decode", "--api", "check", path])
    #expect(outcome.status == 0)
    #expect(outcome.errorOutput == "")
    #expect(
      outcome.output == """
        api: check (CodeArts Check)
        CheckTaskProgress
          taskStatus: checking (0)
          progress:
            ratio: 50.0% ("50%")
            info: running ("running")
        wire anomalies: none
        progress: running 50%: running
        terminal: no

        """)
  }

  @Test("standard input with '-', or with no file; --api=key works too")
  func readsStandardInput() {
    let body = #"{"process_status": "failed"}"#
    for arguments in [["decode", "--api", "drs", "-"], ["decode", "--api=drs"]] {
      let outcome = run(arguments, files: ["-": body])
      #expect(outcome.status == 0)
      #expect(outcome.output.contains("processStatus: failed (\"failed\")"))
      #expect(outcome.output.contains("terminal: yes"))
    }
  }

  @Test("unknown enumeration values are shown as unknown with their wire value")
  func showsUnknownValues() {
    let outcome = run(["decode", "--api", "quality", "-"], files: ["-": #"{"status": "PAUSED"}"#])
    #expect(outcome.output.contains("\n  status: unknown \"PAUSED\"\n"))
    #expect(!outcome.output.contains("wrappedValue"))
    #expect(
      outcome.output.contains(
        """
        wire anomalies: 1
          /status: documented one of "WAITING", "RUNNING", "TIMEOUT", "FAILED", "SUCCESS", \
        found string "PAUSED" (kept, not read)
        progress: unknown: undocumented status "PAUSED"
        terminal: no
        """))
  }

  @Test("an error body is read by status, or by its shape")
  func decodesErrorBodies() {
    let byShape = run(
      ["decode", "--api", "drs", "-"],
      files: ["-": #"{"error_code": "DRS.10000010", "error_msg": "Job does not exist"}"#])
    #expect(byShape.status == 0)
    #expect(byShape.output.contains("code: DRS.10000010"))
    #expect(byShape.output.contains("message: Job does not exist"))
    let plainText = run(
      ["decode", "--api", "cpts", "--status", "501", "-"], files: ["-": "unknown error"])
    #expect(plainText.output.contains("error body (plain text)"))
    #expect(plainText.output.contains("status: 501"))
    #expect(plainText.output.contains("message: unknown error"))
  }

  @Test("a success body holding error_msg (Insight) is still read as a success")
  func insightErrorMessageIsNotAnErrorBody() {
    let outcome = run(
      ["decode", "--api", "insight", "-"], files: ["-": #"{"status": 2, "error_msg": "bad zip"}"#])
    #expect(outcome.output.contains("progress: failed: bad zip"))
  }

  @Test("invalid JSON: exit 1 with line, column and pointer")
  func invalidJSON() {
    let outcome = run(
      ["decode", "--api", "cpts", "payload.json"],
      files: ["payload.json": "{\"json\": {\"details\": [{\"id\": 1,}]}}"])
    #expect(outcome.status == 1)
    #expect(outcome.output == "")
    #expect(
      outcome.errorOutput
        == "error: payload.json is not valid JSON: line 1, column 32 (byte 31) at /json/details/0: expected a member name\n"
    )
  }

  @Test("a progress field that cannot be read: exit 1 with the JSON pointer")
  func unreadableProgressFields() {
    let object = run(["decode", "--api", "drs", "-"], files: ["-": #"{"process_status": {}}"#])
    #expect(object.status == 1)
    #expect(object.output == "")
    #expect(
      object.errorOutput.contains(
        "does not decode as DRSTemplateImportProgress: at /process_status: ")
        && object.errorOutput.contains("found object"))
    let array = run(
      ["decode", "--api", "cpts", "-"], files: ["-": #"{"json": {"details": [{"status": [0]}]}}"#])
    #expect(array.status == 1)
    #expect(array.errorOutput.contains("at /json/details/0/status: "))
  }

  @Test("a cosmetic field of another type or range is listed as a wire anomaly, and decodes")
  func cosmeticFieldsAreAnomalies() {
    let wrongType = run(
      ["decode", "--api", "drs", "-"],
      files: ["-": #"{"send_success": "yes", "process_status": "success"}"#])
    #expect(wrongType.status == 0)
    #expect(wrongType.errorOutput == "")
    #expect(
      wrongType.output.contains(
        """
          sendSuccess: nil
          processStatus: succeeded ("success")
          parsedSuccessNumber: nil
        wire anomalies: 1
          /send_success: documented boolean, found string "yes" (kept, not read)
        progress: succeeded 100%
        """))
    let overflow = run(
      ["decode", "--api", "cpts", "-"],
      files: ["-": #"{"json": {"details": [{"id": 1e30, "status": 0}], "process_status": 0}}"#])
    #expect(overflow.status == 0)
    #expect(
      overflow.output.contains(
        "  /json/details/0/id: documented integer, found number 1e30 (kept, not read)"))
    #expect(overflow.output.contains("progress: running"))
    #expect(!overflow.output.contains("nullDetailIndices"))
  }
  @Test("a file that cannot be read: exit 3 naming it")
  func unreadableFile() {
    let outcome = run(["decode", "--api", "cpts", "missing.json"])
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput.hasPrefix("error: cannot read missing.json: "))
  }

  @Test(
    "usage errors: exit 2 with the reason and the usage",
    arguments: [
      (["decode"], "--api is required"),
      (
        ["decode", "--api", "s3"],
        "unknown API 's3'; expected one of cpts, insight, quality, drs, check"
      ),
      (["decode", "--api", "drs", "--verbose"], "unknown option '--verbose'"),
      (["decode", "--api"], "--api needs a value"),
      (["decode", "--api", "drs", "--api", "check"], "--api given twice"),
      (
        ["decode", "--api", "drs", "--status", "abc"],
        "--status must be an HTTP status code, got 'abc'"
      ),
      (["decode", "--api", "drs", "a.json", "b.json"], "expected at most one file"),
    ])
  func usageErrors(arguments: [String], message: String) {
    let outcome = run(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errorOutput.hasPrefix("error: \(message)\n\nusage: tape decode"))
  }

  @Test("unknown or missing command: exit 2 with the overall usage; help: exit 0")
  func commands() {
    let unknown = run(["frobnicate"])
    #expect(unknown.status == 2)
    #expect(
      unknown.errorOutput.hasPrefix("error: unknown command 'frobnicate'\n\nusage: tape <command>"))
    #expect(run([]).status == 2)
    #expect(run(["help"]) == CommandOutcome(status: 0, output: TapeCommand.usage, errorOutput: ""))
    #expect(run(["decode", "--help"]).output.hasPrefix("usage: tape decode"))
  }
}
