import Foundation
import Tape
import Testing

@testable import TapeCommandLine

@Suite("tape audit")
struct AuditCommandTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("the package's cassettes and fuzz corpus hold no secret (no lookalike is taken for one)")
  func cassettesAreClean() {
    for (folder, count) in [("cassettes", 8), ("corpus", 14)] {
      let outcome = TapeCommand.run(["audit", packageRoot.appending(path: folder).path])
      #expect(
        outcome
          == CommandOutcome(
            status: 0, output: "", errorOutput: "audited \(count) files: no secrets\n"),
        "\(folder)")
    }
  }

  /// A fresh folder, removed by the caller.
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(path: "audit-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A committed cassette's text, the one the broken files are made from.
  func committed() throws -> String {
    try String(
      contentsOf: packageRoot.appending(path: "cassettes/drs-template-progress.json"),
      encoding: .utf8)
  }

  @Test(
    "a cassette with merge-conflict markers exits 1 at the marker's line and column; the other side's token is found"
  )
  func conflictMarkers() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var lines = try committed().components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains("\"<X_AUTH_TOKEN>\"") })
    let token = "MIIEXAMPLEhvcNAQcCoIIEXAMPLE0123456789abcdef"
    lines.replaceSubrange(
      index...index,
      with: [
        "<<<<<<< HEAD", lines[index], "=======", "            \"\(token)\"", ">>>>>>> rerecord",
      ])
    let file = folder.appending(path: "drs.json")
    try Data(lines.joined(separator: "\n").utf8).write(to: file)
    let (marker, column) = (index + 1, 13)
    #expect(
      AuditCommand.run([folder.path])
        == CommandOutcome(
          status: 1,
          output:
            "\(file.path): at line \(marker + 3), column \(column): an unredacted X-Auth-Token header\n"
            + "\(file.path): at line \(marker + 3), column \(column): an IAM token\n",
          errorOutput: "error: \(file.path):\(marker):1: not valid JSON: unexpected character '<': "
            + "expected a value (merge-conflict markers at lines \(marker), \(marker + 2), \(marker + 4))\n"
            + "2 secrets found in 1 of 1 file\n"
        ))
  }

  @Test("a cassette cut short, or with a byte that is not UTF-8, exits 3 naming file:line:column")
  func brokenFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try committed()
    let truncated = folder.appending(path: "a-truncated.json")
    try Data(text.utf8.prefix(996)).write(to: truncated)
    let truncatedLines = String(decoding: text.utf8.prefix(996), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let invalid = folder.appending(path: "b-invalid.json")
    var bytes = Array(text.utf8)
    let errorMessage = try #require(text.range(of: "Job does not exist"))
    let offset = text.utf8.distance(from: text.startIndex, to: errorMessage.lowerBound)
    bytes[offset] = 0xC3  // a lead byte with no continuation
    try Data(bytes).write(to: invalid)
    let before = text[..<errorMessage.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false)
    let outcome = AuditCommand.run([folder.path])
    #expect(outcome.status == 3)
    #expect(outcome.output == "")
    #expect(
      outcome.errorOutput.components(separatedBy: "\n") == [
        "error: \(truncated.path):\(truncatedLines.count):\(truncatedLines.last!.utf8.count + 1): "
          + "not valid JSON: unterminated string",
        "error: \(invalid.path):\(before.count):\(before.last!.utf8.count + 1): "
          + "not valid JSON: invalid UTF-8 in a string",
        "",
      ])
  }

  @Test("HAR files in a folder are audited: name/value headers, cookies, base64 content")
  func harFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = Data(#"{"user": {"password": "hunter2"}}"#.utf8).base64EncodedString()
    let har = folder.appending(path: "session.har")
    try Data(
      """
      {"log": {"version": "1.2", "entries": [{
        "request": {"method": "GET", "url": "https://h.example/v1/x",
          "headers": [{"name": "X-Auth-Token", "value": "opaque"}], "cookies": []},
        "response": {"status": 200, "headers": [],
          "content": {"mimeType": "application/json", "encoding": "base64", "text": "\(content)"}}
      }]}}
      """.utf8
    ).write(to: har)
    // Neither a cassette nor a HAR file: not read.
    try Data("token=MIIEXAMPLEhvcNAQcCoIIEXAMPLE0123456789abcdef".utf8).write(
      to: folder.appending(path: "notes.txt"))
    #expect(
      AuditCommand.run([folder.path])
        == CommandOutcome(
          status: 1,
          output:
            "\(har.path): at /log/entries/0/request/headers/0/value: an unredacted X-Auth-Token header\n"
            + "\(har.path): at /log/entries/0/response/content/text (decoded, JSON) at /user/password: "
            + "an unredacted 'password' value\n",
          errorOutput: "2 secrets found in 1 of 1 file\n"))
  }

  @Test("the help lists what is checked, and each name it lists is one the redactor keeps secret")
  func helpMatchesTheRedactor() {
    let usage = AuditCommand.usage
    for text in [
      "*.json", "*.har", "merge-conflict", "line and column", "exit status",
      "0    every file read, and no secret found", "1    a secret found", "2    a usage error",
      "3    no secret found, but a file",
    ] {
      #expect(usage.contains(text), "\(text)")
    }
    let redactor = Redactor.huaweiCloud
    for header in [
      "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Auth-Token",
      "X-Subject-Token",
      "X-Security-Token", "X-Api-Key",
    ] {
      #expect(usage.contains(header) && redactor.isSecretHeader(header), "\(header)")
    }
    for name in [
      "password", "passwd", "secret", "client_secret", "secret_key", "token", "access_token",
      "session_token", "securitytoken", "access", "ak", "sk", "user_ak", "signature", "credential",
      "AccessKeyId", "X-Amz-Credential", "private_key",
    ] {
      #expect(usage.contains(name), "\(name)")
      #expect(redactor.isSecretKey(name) && redactor.isSecretQueryKey(name), "\(name)")
    }
  }

  @Test("through the built tape: exit 3 on a broken file, 0 when clean")
  func executableExitStatus() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = packageRoot.appending(path: "cassettes").path
    let ran = try await RunningTape.run(["audit", clean])
    #expect(ran.status == 0)
    #expect(ran.output == "audited 8 files: no secrets\n")
    let broken = folder.appending(path: "broken.json")
    try Data((try committed() + "\n<<<<<<< HEAD\n").utf8).write(to: broken)
    let lines = try committed().split(separator: "\n", omittingEmptySubsequences: false).count
    let failed = try await RunningTape.run(["audit", clean, broken.path])
    #expect(failed.status == 3)
    #expect(
      failed.output
        == "error: \(broken.path):\(lines + 1):1: not valid JSON: unexpected character '<' after the "
        + "end of the document (merge-conflict markers at line \(lines + 1))\n")
  }

  /// One clean interaction, with a secret planted in one place.
  func cassette(
    requestHeaders: HeaderFields = ["X-Auth-Token": "<X_AUTH_TOKEN>"],
    url: String = "https://h.example/v2/tasks/t/progress",
    responseHeaders: HeaderFields = ["Content-Type": "application/json"],
    body: RecordedBody = RecordedBody(.json(.object([])))
  ) -> Data {
    CassetteFile.encode(
      Cassette(interactions: [
        Interaction(
          request: RecordedRequest(method: "GET", url: url, headers: requestHeaders),
          response: RecordedResponse(status: 200, headers: responseHeaders, body: body))
      ]))
  }

  @Test("a secret planted in each place is found, with the file and the JSON path")
  func plantedSecrets() throws {
    let token = "MIIPlantedToken" + String(repeating: "ab12", count: 8)
    let cases: [(String, Data, String)] = [
      ("request header", cassette(requestHeaders: ["X-Auth-Token": token]), "/request/headers/0/1"),
      (
        "AK/SK header",
        cassette(requestHeaders: [
          "Authorization":
            "SDK-HMAC-SHA256 Access=ABCDEFGHIJKLMNOPQRST, SignedHeaders=host, Signature="
            + String(repeating: "0a", count: 32)
        ]), "/request/headers/0/1"
      ),
      (
        "response header", cassette(responseHeaders: ["X-Subject-Token": "opaque-value"]),
        "/response/headers/0/1"
      ),
      ("query", cassette(url: "https://h.example/p?X-Auth-Token=opaque-value"), "/request/url"),
      (
        "JSON body",
        cassette(
          body: RecordedBody(
            .json(.object([.init("credential", .object([.init("secret", .string("s3cr3t!"))]))])))),
        "/response/body/json/credential/secret"
      ),
      ("text body", cassette(body: RecordedBody(.text("token=\(token)"))), "/response/body/text"),
      (
        "error message",
        cassette(
          body: RecordedBody(
            .json(.object([.init("error_msg", .string("token \(token) expired"))])))),
        "/response/body/json/error_msg"
      ),
    ]
    let folder = FileManager.default.temporaryDirectory.appending(path: "audit-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (place, data, pointer) in cases {
      let file = folder.appending(path: "planted.json")
      try data.write(to: file)
      let outcome = TapeCommand.run(["audit", file.path])
      #expect(outcome.status == 1, "\(place)")
      #expect(
        outcome.output.contains("\(file.path): at /interactions/0\(pointer): "),
        "\(place): \(outcome.output)")
      #expect(!outcome.output.contains(token) && !outcome.output.contains("opaque-value"))
    }
  }

  @Test("a path that does not exist is an error naming it (exit 3: nothing was audited)")
  func missingPath() {
    let outcome = TapeCommand.run(["audit", "/no/such/cassettes"])
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput == "error: /no/such/cassettes: no such file or folder\n")
  }
}
