import Foundation
import JSONTree
import Testing

@testable import Tape
@testable import TapeCommandLine

@Suite("tape har")
struct HARCommandTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func temporaryFile(_ suffix: String) -> URL {
    FileManager.default.temporaryDirectory.appending(path: "har-\(UUID())\(suffix)")
  }

  /// Exports `cassette`, imports the archive, and returns the cassette that came back.
  func roundTrip(_ cassette: Cassette) throws -> Cassette {
    let (source, archive, back) = (
      temporaryFile(".json"), temporaryFile(".har"), temporaryFile(".json")
    )
    defer { for url in [source, archive, back] { try? FileManager.default.removeItem(at: url) } }
    try CassetteFile.save(cassette, to: source)
    let exported = TapeCommand.run(["har", "export", source.path, "--out", archive.path])
    #expect(exported.status == 0, "\(exported.errorOutput)")
    let imported = TapeCommand.run(["har", "import", archive.path, "--cassette", back.path])
    #expect(imported.status == 0, "\(imported.errorOutput)")
    return try CassetteFile.load(from: back)
  }

  @Test("every cassette of the package: import after export keeps every interaction and byte")
  func packageCassettes() throws {
    let folder = packageRoot.appending(path: "cassettes")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") }
    #expect(files.count >= 5)
    for file in files {
      let cassette = try CassetteFile.load(from: folder.appending(path: file))
      #expect(try roundTrip(cassette).interactions == cassette.interactions, "\(file)")
    }
  }

  @Test("text, binary, decoded and JSON request bodies, header order and repeats survive")
  func unusualBodies() throws {
    let interactions = [
      Interaction(
        request: RecordedRequest(
          method: "POST", url: "https://h.example/v1/jobs?b=2&a=1",
          headers: ["X-Trace": "1", "Content-Type": "application/json"],
          body: RecordedBody(.json(try JSONParser().parse(#"{"z":1,"a":[true,null]}"#)))),
        response: RecordedResponse(
          status: 501, headers: ["Content-Type": "application/json"],
          body: RecordedBody(.text("unknown error"))),
        offset: .milliseconds(1_500), duration: .milliseconds(42), repeatCount: 3,
        redactions: ["request.header.Authorization"]),
      Interaction(
        request: RecordedRequest(method: "GET", url: "https://h.example/blob"),
        response: RecordedResponse(
          status: 200, headers: ["Content-Encoding": "gzip"],
          body: RecordedBody(.base64(Data([0, 1, 2, 255, 0x1B])), decodedFrom: "gzip")),
        offset: .milliseconds(2_000)),
    ]
    let cassette = Cassette(interactions: interactions, recordedAt: "2026-11-30T10:00:00.000Z")
    #expect(try roundTrip(cassette).interactions == interactions)
  }

  @Test("a HAR from another tool: offsets from startedDateTime, one play each")
  func foreignArchive() throws {
    let archive = #"""
      {"log": {"version": "1.2", "creator": {"name": "devtools"}, "pages": [], "entries": [
        {"startedDateTime": "2026-11-30T10:00:00.000Z", "time": 12.5,
         "request": {"method": "GET", "url": "https://h.example/a", "headers": []},
         "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "application/json"}],
                      "content": {"mimeType": "application/json", "text": "{\"ratio\":\"50%\"}"}}},
        {"startedDateTime": "2026-11-30T10:00:02.250Z", "time": 3,
         "request": {"method": "GET", "url": "https://h.example/a", "headers": []},
         "response": {"status": 204, "headers": [], "content": {"size": 0, "mimeType": ""}}}
      ]}}
      """#
    let output = temporaryFile(".json")
    defer { try? FileManager.default.removeItem(at: output) }
    let outcome = HARCommand.run(["import", "in.har", "--cassette", output.path]) { _ in
      Data(archive.utf8)
    }
    #expect(outcome.status == 0)
    let cassette = try CassetteFile.load(from: output)
    #expect(cassette.interactions.map(\.offset) == [.zero, .milliseconds(2_250)])
    #expect(cassette.interactions.map(\.repeatCount) == [1, 1])
    #expect(
      cassette.interactions[0].response.body
        == RecordedBody(.json(try JSONParser().parse(#"{"ratio":"50%"}"#))))
    #expect(cassette.interactions[1].response.body == nil)
  }

  @Test(
    "a broken archive: exit 3 (unusable input) with the file and the JSON path",
    arguments: [
      (#"{"entries": []}"#, "in.har: at /log: expected an object, found nothing"),
      (
        #"{"log": {"entries": [{"startedDateTime": "2026-11-30T10:00:00Z", "request": {"method": "GET", "url": "u", "headers": []}, "response": {"status": 42, "headers": [], "content": {}}}]}}"#,
        "in.har: at /log/entries/0/response/status: 42 is not an HTTP status"
      ),
      (
        #"{"log": {"entries": [{"startedDateTime": "yesterday", "request": {"method": "GET", "url": "u", "headers": []}, "response": {"status": 200, "headers": [], "content": {}}}]}}"#,
        "in.har: at /log/entries/0/startedDateTime: 'yesterday' is not an ISO 8601 date"
      ),
      ("{", "in.har is not valid JSON: "),
    ])
  func brokenArchive(text: String, message: String) {
    let outcome = HARCommand.run(["import", "in.har", "--cassette", "/nonexistent/out.json"]) { _ in
      Data(text.utf8)
    }
    #expect(outcome.status == 3)
    #expect(outcome.errorOutput.hasPrefix("error: \(message)"), "\(outcome.errorOutput)")
  }

  @Test(
    "what a HAR file carries is redacted or refused: form password, ?sk=, base64 token, bare AK")
  func harSecrets() throws {
    let token = "MIIharToken0123456789abcdefghijklmnop"
    let accessKey = "QTWAOYTTINDUT2QVKYUC"
    let entry = { (url: String, postData: String, responseHeader: String, content: String) in
      #"""
      {"startedDateTime": "2026-11-30T10:00:00Z",
       "request": {"method": "POST", "url": "\#(url)", "headers": [], \#(postData)},
       "response": {"status": 200, "headers": [\#(responseHeader)], "content": \#(content)}}
      """#
    }
    let redactable = entry(
      "https://h.example/login?sk=MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
      #""postData": {"mimeType": "application/x-www-form-urlencoded", "text": "user=u1&password=hunter2-correct"}"#,
      "", #"{"mimeType": "text/plain", "text": "ok"}"#)
    let output = temporaryFile(".json")
    defer { try? FileManager.default.removeItem(at: output) }
    let outcome = HARCommand.run(["import", "in.har", "--cassette", output.path]) { _ in
      Data(#"{"log": {"entries": [\#(redactable)]}}"#.utf8)
    }
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    let written = try String(contentsOf: output, encoding: .utf8)
    #expect(!written.contains("hunter2-correct"))
    #expect(!written.contains("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"))
    #expect(written.contains("password=<PASSWORD>"))

    let base64Token = Data("session \(token)".utf8).base64EncodedString()
    for refused in [
      entry(
        "https://h.example/a", #""postData": {"mimeType": "text/plain", "text": ""}"#, "",
        #"{"mimeType": "application/octet-stream", "encoding": "base64", "text": "\#(base64Token)"}"#
      ),
      entry(
        "https://h.example/a", #""postData": {"mimeType": "text/plain", "text": ""}"#,
        #"{"name": "X-Caller", "value": "\#(accessKey)"}"#,
        #"{"mimeType": "text/plain", "text": "ok"}"#),
    ] {
      let target = temporaryFile(".json")
      let result = HARCommand.run(["import", "in.har", "--cassette", target.path]) { _ in
        Data(#"{"log": {"entries": [\#(refused)]}}"#.utf8)
      }
      #expect(result.status == 1)
      #expect(result.errorOutput.contains("refused to write"), "\(result.errorOutput)")
      #expect(!result.errorOutput.contains(token) && !result.errorOutput.contains(accessKey))
      #expect(!FileManager.default.fileExists(atPath: target.path))
    }
  }

  @Test("an entry a browser saved with no answer (status 0) is skipped and named, not fatal")
  func unansweredEntrySkipped() throws {
    let entry = { (path: String, status: Int) in
      #"""
      {"startedDateTime": "2026-11-30T10:00:00Z",
       "request": {"method": "GET", "url": "https://h.example/\#(path)", "headers": []},
       "response": {"status": \#(status), "headers": [], "content": {"mimeType": "text/plain"}}}
      """#
    }
    let output = temporaryFile(".json")
    defer { try? FileManager.default.removeItem(at: output) }
    let outcome = HARCommand.run(["import", "in.har", "--cassette", output.path]) { _ in
      Data(#"{"log": {"entries": [\#(entry("a", 200)), \#(entry("blocked", 0))]}}"#.utf8)
    }
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    #expect(outcome.output.isEmpty)
    #expect(
      outcome.errorOutput
        == "skipped 1 entry with no answer (response status 0: log/entries/1)\n"
        + "wrote \(output.path): 1 interactions from in.har\n")
    let cassette = try CassetteFile.load(from: output)
    #expect(cassette.interactions.map(\.request.url) == ["https://h.example/a"])
  }

  @Test("an import reads the five APIs' answers for drift, like every recording path")
  func importReportsDrift() throws {
    let archive = #"""
      {"log": {"entries": [{"startedDateTime": "2026-11-30T10:00:00Z",
        "request": {"method": "GET", "headers": [],
          "url": "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"},
        "response": {"status": 200, "headers": [], "content": {"mimeType": "application/json",
          "text": "{\"task_status\": 7, \"progress\": {\"ratio\": \"10%\", \"info\": \"running\"}}"}}}]}}
      """#
    let output = temporaryFile(".json")
    defer { try? FileManager.default.removeItem(at: output) }
    let outcome = HARCommand.run(["import", "in.har", "--cassette", output.path]) { _ in
      Data(archive.utf8)
    }
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    #expect(outcome.output.isEmpty)
    #expect(
      outcome.errorOutput.contains("check /task_status: undocumented value: 7"),
      "\(outcome.errorOutput)")
    let metadata = try CassetteFile.load(from: output).metadata
    #expect(metadata["drift check: undocumented value"] == "/task_status: 7", "\(metadata)")
  }

  @Test("a live token is redacted on import; a private key in a body refuses it")
  func secrets() throws {
    let token = "MIIEhgYJKoZIhvcNAQcCoIIEdzCCBHMCAQExDTALBglghkgBZQMEAgEwggLUBgkqhkiG9w0BBwGgggLF"
    let key = "-----BEGIN PRIVATE KEY-----abcdefgh"
    func archive(header: String, body: String) -> String {
      #"""
      {"log": {"entries": [{"startedDateTime": "2026-11-30T10:00:00Z",
        "request": {"method": "GET", "url": "https://h.example/a", "headers": [\#(header)]},
        "response": {"status": 200, "headers": [],
                     "content": {"mimeType": "text/plain", "text": "\#(body)"}}}]}}
      """#
    }
    let output = temporaryFile(".json")
    defer { try? FileManager.default.removeItem(at: output) }
    let redacted = HARCommand.run(["import", "in.har", "--cassette", output.path]) { _ in
      Data(archive(header: #"{"name": "X-Auth-Token", "value": "\#(token)"}"#, body: "ok").utf8)
    }
    #expect(redacted.status == 0, "\(redacted.errorOutput)")
    let cassette = try CassetteFile.load(from: output)
    #expect(cassette.interactions[0].request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
    #expect(cassette.interactions[0].redactions.contains("request.header.X-Auth-Token"))
    #expect(!(try String(contentsOf: output, encoding: .utf8)).contains(token))

    let unknownPlace = temporaryFile(".json")
    let refused = HARCommand.run(["import", "in.har", "--cassette", unknownPlace.path]) { _ in
      Data(archive(header: "", body: "key=\(key)").utf8)
    }
    #expect(refused.status == 1)
    #expect(refused.errorOutput.contains("refused to write: 1 secret survived redaction"))
    #expect(refused.errorOutput.contains("/interactions/0/response/body/text: a private key"))
    #expect(!refused.errorOutput.contains(key))
    #expect(!FileManager.default.fileExists(atPath: unknownPlace.path))
  }

  @Test("usage: exit 2")
  func usage() {
    #expect(TapeCommand.run(["har"]).status == 2)
    #expect(TapeCommand.run(["har", "convert", "x"]).status == 2)
    #expect(TapeCommand.run(["har", "import", "x.har"]).status == 2)
    // One vocabulary: import names the cassette it writes --cassette, as poll, record and
    // proxy do; --out is the HAR export writes.
    let oldSpelling = TapeCommand.run(["har", "import", "x.har", "--out", "x.json"])
    #expect(oldSpelling.status == 2)
    #expect(
      oldSpelling.errorOutput.hasPrefix(
        "error: import writes the cassette named by --cassette <file>"))
    #expect(TapeCommand.run(["har", "export", "x.json", "--cassette", "y.json"]).status == 2)
    #expect(TapeCommand.run(["har", "--help"]).output.hasPrefix("usage: tape har export"))
  }
}
