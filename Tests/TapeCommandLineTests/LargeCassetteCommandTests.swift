import Foundation
import LargeCassette
import Testing

@testable import Tape
@testable import TapeCommandLine

/// `tape inspect` and `tape audit` on a generated cassette of a few MB, read a piece at a
/// time: the same output as the cassette read whole, the secret planted in it found, and a
/// file over `--max-bytes` a clear error (issue 20).
@Suite("tape inspect and tape audit on a large cassette")
struct LargeCassetteCommandTests {
  /// A generated cassette of about 3 MB (404 interactions a block) with one secret in its
  /// second block; removed by the caller.
  func writeCassette() throws -> (URL, LargeCassette.Summary) {
    let file = FileManager.default.temporaryDirectory.appending(path: "large-\(UUID()).json")
    let summary = try LargeCassette(
      targetBytes: 3 << 20, pollsPerBlock: 400, largeBodyBytes: 96 << 10, secretInBlock: 1
    ).write(to: file)
    return (file, summary)
  }

  @Test("inspect, read an interaction at a time, prints what the whole cassette loaded gives")
  func inspectMatchesWholeLoad() throws {
    let (file, summary) = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(summary.bytes > 3 << 20)
    #expect(summary.interactions > 1000)
    let whole = CassetteInspection(try CassetteFile.load(from: file), file: file.path)
    let text = TapeCommand.run(["inspect", file.path])
    #expect(text.status == 0)
    #expect(text.errorOutput == "")
    #expect(text.output == whole.text)
    #expect(
      text.output.hasPrefix("\(file.path): \(summary.interactions) interactions, "),
      "\(text.output.prefix(200))")
    #expect(text.output.contains("  GET /v2/tasks/task-1-3/progress (check: CodeArts Check)\n"))
    #expect(text.output.contains("    HTTP 401 APIG.0301: Incorrect IAM authentication"))
    let json = TapeCommand.run(["inspect", "--json", file.path])
    #expect(json.status == 0)
    #expect(json.output == whole.json.serialized(.canonical) + "\n")
  }

  @Test("audit, read a piece at a time, reports what a scan of the whole bytes reports")
  func auditMatchesWholeScan() async throws {
    let (file, summary) = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    let scanner = SecretScanner(redactor: .huaweiCloud)
    let streamed = try scanner.report(forFileAt: file.path)
    let whole = scanner.report(for: try Data(contentsOf: file))
    #expect(streamed == whole)
    let pointer = try #require(summary.secretPointer)
    #expect(
      streamed.hits.map(\.description) == [
        "at \(pointer): an unredacted X-Auth-Token header", "at \(pointer): an IAM token",
      ])
    let ran = try await RunningTape.run(["audit", file.path])
    #expect(ran.status == 1)
    #expect(ran.output.contains("\(file.path): at \(pointer): "), "\(ran.output)")
    #expect(ran.output.contains("2 secrets found in 1 of 1 file"))
  }

  @Test("a root array read element by element keeps what its key says (a secret key)")
  func rootArrayUnderSecretKey() throws {
    let file = FileManager.default.temporaryDirectory.appending(path: "keys-\(UUID()).json")
    let document = #"{"note": "x", "password": ["hunter2", 7], "list": [{"access_token": "abc"}]}"#
    try Data(document.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let scanner = SecretScanner(redactor: .huaweiCloud)
    let streamed = try scanner.report(forFileAt: file.path)
    #expect(streamed == scanner.report(for: Data(document.utf8)))
    #expect(
      streamed.hits.map(\.description) == [
        "at /password/0: an unredacted 'password' value",
        "at /password/1: an unredacted 'password' value",
        "at /list/0/access_token: an unredacted 'access_token' value",
      ])
  }

  @Test("a file over --max-bytes is an error naming the file, its size and the limit")
  func overTheLimit() async throws {
    let (file, summary) = try writeCassette()
    defer { try? FileManager.default.removeItem(at: file) }
    let expected =
      "\(file.path): \(summary.bytes) bytes, larger than the 1000000 bytes read at most "
      + "(raise the limit with --max-bytes <n>)"
    let inspect = try await RunningTape.run(["inspect", "--max-bytes", "1000000", file.path])
    #expect(inspect.status == 3)
    #expect(inspect.output == "error: \(expected)\n")
    let clean = FileManager.default.temporaryDirectory.appending(path: "small-\(UUID()).json")
    try Data(#"{"formatVersion": 1, "interactions": []}"#.utf8).write(to: clean)
    defer { try? FileManager.default.removeItem(at: clean) }
    let audit = try await RunningTape.run([
      "audit", "--max-bytes", "1000000", file.path, clean.path,
    ])
    #expect(audit.status == 3, "no secret found, and a file was not read")
    #expect(audit.output.contains("error: \(expected)\n"), "\(audit.output)")
    #expect(try await RunningTape.run(["audit", "--max-bytes", "0", clean.path]).status == 2)
    #expect(try await RunningTape.run(["inspect", "--max-bytes", "x", clean.path]).status == 2)
    #expect(TapeCommand.run(["inspect", clean.path]).status == 0)
  }

  @Test("a cassette nested deeper than 512 levels is an error naming the place, not a crash")
  func deepNesting() async throws {
    let file = FileManager.default.temporaryDirectory.appending(path: "deep-\(UUID()).json")
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    try Data(#"{"formatVersion": 1, "interactions": [\#(deep)]}"#.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let inspect = try await RunningTape.run(["inspect", file.path])
    #expect(inspect.status == 3)
    #expect(inspect.output.contains("nesting deeper than 512 levels"), "\(inspect.output)")
    #expect(inspect.output.contains("line 1, column 549 (byte 548)"), "\(inspect.output)")
    let audit = try await RunningTape.run(["audit", file.path])
    #expect(audit.status == 3)
    #expect(audit.output.contains("\(file.path):1:549: not valid JSON: nesting deeper"))
  }

  @Test("each command's help states its limits")
  func help() {
    for command in ["inspect", "audit"] {
      let help = TapeCommand.run([command, "--help"]).output
      #expect(help.contains("--max-bytes <n>    the largest file read (default 1073741824"))
      #expect(help.contains("JSON may nest 512 levels deep"))
      #expect(help.contains("linear time"))
    }
  }
}
