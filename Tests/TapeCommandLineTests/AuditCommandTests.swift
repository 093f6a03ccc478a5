import Foundation
import Tape
import Testing

@testable import TapeCommandLine

@Suite("tape audit")
struct AuditCommandTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("the package's cassettes hold no secret")
  func cassettesAreClean() {
    let outcome = TapeCommand.run(["audit", packageRoot.appending(path: "cassettes").path])
    #expect(outcome.status == 0, "\(outcome.output)\(outcome.errorOutput)")
    #expect(outcome.output.hasPrefix("audited "))
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

  @Test("a path that does not exist is an error naming it")
  func missingPath() {
    let outcome = TapeCommand.run(["audit", "/no/such/cassettes"])
    #expect(outcome.status == 1)
    #expect(outcome.errorOutput == "error: /no/such/cassettes: no such file or folder\n")
  }
}
