import Foundation
import JSONTree
import Tape
import Testing

/// What the scan reads to find a secret: bodies in every form, HAR files, documents held in
/// strings, and documents that are not valid JSON.
@Suite("Secret scanner: what it reads")
struct SecretScannerReadingTests {
  static let scanner = SecretScanner(redactor: .huaweiCloud)
  static let token = "MIIEXAMPLEhvcNAQcCoIIEXAMPLE0123456789abcdef"

  func hits(_ tree: JSONValue) -> [String] {
    Self.scanner.scan(tree).map(\.description)
  }

  func report(_ text: String) -> [String] {
    let report = Self.scanner.report(for: Data(text.utf8))
    return report.unreadable.map { "unreadable \($0)" } + report.hits.map(\.description)
  }

  /// A cassette answering `body`, its bytes as text.
  func cassette(body: RecordedBody, contentType: String? = nil) -> String {
    let headers: HeaderFields = contentType.map { ["Content-Type": $0] } ?? [:]
    return String(
      decoding: CassetteFile.encode(
        Cassette(interactions: [
          Interaction(
            request: RecordedRequest(
              method: "GET", url: "https://h.example/v1/x",
              headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
            response: RecordedResponse(status: 200, headers: headers, body: body))
        ])), as: UTF8.self)
  }

  @Test("documents held in bodies and strings are read, and the hit says how")
  func nestedDocuments() {
    #expect(
      report(
        cassette(body: RecordedBody(.text(#"{"a": {"password": "x"}}"#)), contentType: "text/plain")
      )
        == [
          "at /interactions/0/response/body/text (JSON) at /a/password: an unredacted 'password' value"
        ])
    let inBase64 = Data(#"{"credential": {"access": "HPUAEXAMPLEAK0123456"}}"#.utf8)
    #expect(
      report(cassette(body: RecordedBody(.base64(inBase64)))) == [
        "at /interactions/0/response/body/base64 (decoded, JSON) at /credential/access: an unredacted 'access' value",
        "at /interactions/0/response/body/base64 (decoded, JSON) at /credential/access: a Huawei Cloud access key (AK)",
      ])
    #expect(
      hits(.object([JSONMember("detail", .string(#"{"token": "abc123"}"#))])) == [
        "at /detail (JSON) at /token: an unredacted 'token' value"
      ])
    let wrapped = Data("password=hunter2 for the db".utf8).base64EncodedString()
    #expect(
      hits(.object([JSONMember("data", .string(wrapped))])) == [
        "at /data (decoded): an unredacted 'password' value in text"
      ])
  }

  @Test("a body's wire text is read for itself only when it is not its JSON tree's spelling")
  func wireText() {
    let wire = #"{"b": "\#(Self.token)", "a": 1}"#
    let spelled = RecordedBody(
      .json(.object([JSONMember("b", .string(Self.token)), JSONMember("a", .number("1"))])),
      wireText: wire)
    #expect(spelled.wireText == wire)
    // Once: at the tree, not again in its spelling.
    #expect(
      report(cassette(body: spelled)) == [
        "at /interactions/0/response/body/json/b: an IAM token"
      ])
    // A file whose wire text says something else (hand-edited, or hostile): both are read.
    let edited = cassette(body: spelled).replacingOccurrences(
      of: #"{\"b\": \"\#(Self.token)\""#, with: #"{\"b\": \"x\", \"c\": \"\#(Self.token)\""#)
    #expect(edited != cassette(body: spelled))
    #expect(
      report(edited).contains(
        "at /interactions/0/response/body/wireText (JSON) at /c: an IAM token"))
  }

  @Test("documents nested deeper than the scan reads are still scanned as text")
  func deepNesting() {
    var document = JSONValue.object([JSONMember("x", .string(Self.token))])
    for _ in 0..<6 { document = .object([JSONMember("d", .string(document.serialized()))]) }
    #expect(
      hits(document) == ["at /d (JSON) at /d (JSON) at /d (JSON) at /d (JSON) at /d: an IAM token"])
  }

  @Test("the redactor's JSON pointers, echoed headers, URL passwords and header lines")
  func redactorRules() {
    let tokenRequest = JSONValue.object([
      JSONMember(
        "auth",
        .object([
          JSONMember(
            "identity",
            .object([JSONMember("token", .object([JSONMember("id", .string("opaque"))]))]))
        ]))
    ])
    #expect(hits(tokenRequest) == ["at /auth/identity/token/id: an unredacted 'id' value"])
    #expect(
      report(cassette(body: RecordedBody(.json(tokenRequest)), contentType: "application/json"))
        == [
          "at /interactions/0/response/body/json/auth/identity/token/id: an unredacted 'id' value"
        ])
    #expect(
      hits(
        .object([
          JSONMember("headers", .object([JSONMember("Authorization", .string("Bearer abc"))]))
        ]))
        == ["at /headers/Authorization: an unredacted 'Authorization' value"])
    #expect(
      hits(.object([JSONMember("link", .string("https://admin:hunter2@h.example/x"))])) == [
        "at /link: a password in a URL"
      ])
    #expect(
      report(
        cassette(
          body: RecordedBody(.text("GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer abc\r\n")),
          contentType: "text/plain")) == [
          "at /interactions/0/response/body/text: an unredacted Authorization header line"
        ])
  }

  @Test("what hides in plain sight: Bearer tokens, percent-encoding, a header name with spaces")
  func hidingPlaces() {
    #expect(
      hits(.object([JSONMember("X-Upstream", .string("Bearer 8f1c0a7e-opaque.Token~x"))]))
        == ["at /X-Upstream: a Bearer token"])
    #expect(
      hits(.object([JSONMember("log", .string("sent Basic YWRtaW46aHVudGVyMg==."))]))
        == ["at /log: Basic credentials (base64 of user:password)"])
    let encodedToken = Self.token.replacing("EXAMPLE", with: "%45XAMPLE")
    #expect(
      hits(.object([JSONMember("next", .string("cursor=\(encodedToken)"))])) == [
        "at /next: an IAM token"
      ])
    #expect(
      hits(.object([JSONMember("q", .string("see%20password%3Dhunter2"))])) == [
        "at /q: an unredacted 'password' value in text"
      ])
    // A URL that URLComponents refuses (a broken IPv6 host) still has its query read.
    #expect(
      hits(.object([JSONMember("url", .string("https://[broken/v3?limit=1&sk=opaque-value"))]))
        == ["at /url: an unredacted query value 'sk'"])
    let headers = JSONValue.object([
      JSONMember("headers", .array([.array([.string("Authorization "), .string("Bearer x")])]))
    ])
    #expect(hits(headers) == ["at /headers/0/1: an unredacted Authorization  header"])
  }

  @Test("a HAR file: headers, query, cookies and params as name/value objects; bodies by encoding")
  func harFile() throws {
    let content = Data(#"{"credential": {"secret": "s3cr3t-value"}}"#.utf8).base64EncodedString()
    let har = """
      {"log": {"version": "1.2", "entries": [{
        "request": {"method": "POST", "url": "https://iam.example.com/v3/auth?limit=1",
          "headers": [{"name": "Accept", "value": "*/*"}, {"name": "Authorization", "value": "Bearer opaque"}],
          "queryString": [{"name": "limit", "value": "1"}, {"name": "sk", "value": "x-opaque"}],
          "cookies": [{"name": "session", "value": "c00kie"}, {"name": "empty", "value": ""}],
          "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "user=a&password=hunter2",
            "params": [{"name": "user", "value": "a"}, {"name": "password", "value": "hunter2"}]}},
        "response": {"status": 200,
          "headers": [{"name": "X-Subject-Token", "value": "<X_SUBJECT_TOKEN>"}],
          "content": {"mimeType": "application/json", "encoding": "base64", "text": "\(content)"}}
      }]}}
      """
    let entry = "/log/entries/0"
    #expect(
      report(har) == [
        "at \(entry)/request/headers/1/value: an unredacted Authorization header",
        "at \(entry)/request/queryString/1/value: an unredacted query value 'sk'",
        "at \(entry)/request/cookies/0/value: an unredacted cookie 'session'",
        "at \(entry)/request/postData/text: an unredacted form field 'password'",
        "at \(entry)/request/postData/params/1/value: an unredacted form field 'password'",
        "at \(entry)/response/content/text (decoded, JSON) at /credential/secret: an unredacted 'secret' value",
      ])
    // Exported by tape har, a redacted cassette is clean.
    let exported = HTTPArchive.export(
      try CassetteFile.decode(
        Data(cassette(body: RecordedBody(.base64(Data([0xFF, 1, 2])))).utf8), file: "x"))
    #expect(hits(exported).isEmpty)
  }

  @Test("a base64 body that is not base64 is unreadable, and scanned as text")
  func undecodableBase64Body() {
    let text = cassette(body: RecordedBody(.base64(Data([0xFF]))))
      .replacing(#""base64": "/w==""#, with: #""base64": "not base64! \#(Self.token)""#)
    #expect(
      report(text) == [
        "unreadable at /interactions/0/response/body/base64: a base64 body that is not base64 (scanned as text)",
        "at /interactions/0/response/body/base64: an IAM token",
      ])
  }

  @Test("merge-conflict markers: unreadable at the first marker; both sides scanned, by line")
  func conflictMarkers() throws {
    let clean = cassette(body: RecordedBody(.text("ok")))
    let lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.contains(#""<X_AUTH_TOKEN>""#) })
    let indent = String(lines[index].prefix { $0 == " " })
    let conflicted =
      lines[..<index]
      + [
        "<<<<<<< HEAD", lines[index], "=======", indent + "\"\(Self.token)\"",
        ">>>>>>> recording",
      ] + lines[(index + 1)...]
    let marker = index + 1
    #expect(
      report(conflicted.joined(separator: "\n")) == [
        "unreadable at line \(marker), column 1: not valid JSON: unexpected character '<': expected a value "
          + "(merge-conflict markers at lines \(marker), \(marker + 2), \(marker + 4))",
        "at line \(marker + 3), column \(indent.count + 1): an unredacted X-Auth-Token header",
        "at line \(marker + 3), column \(indent.count + 1): an IAM token",
      ])
    // Both sides clean: still unreadable, nothing found.
    let resolvedBoth =
      lines[..<index] + ["<<<<<<< HEAD", lines[index], "=======", lines[index], ">>>>>>> x"]
      + lines[(index + 1)...]
    #expect(report(resolvedBoth.joined(separator: "\n")).count == 1)
  }

  /// `line L, column C` of the first byte of `needle` in `text` (the column in bytes).
  func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
    let range = try #require(text.range(of: needle))
    let before = text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
    return (before.count, before.last!.utf8.count + 1)
  }

  @Test("cut short, invalid UTF-8, empty: unreadable where it breaks; what came before scanned")
  func brokenDocuments() throws {
    let clean = cassette(
      body: RecordedBody(.text("token=\(Self.token)")), contentType: "text/plain")
    let text = try position(of: "\"token=", in: clean)
    let secrets = [
      "at line \(text.line), column \(text.column): an IAM token",
      // Form-shaped text is read as a form, whatever its content type (as the redactor does).
      "at line \(text.line), column \(text.column): an unredacted form field 'token'",
    ]
    let truncated = String(try #require(clean.components(separatedBy: "\"status\"").first))
    let end = try position(of: "\u{0}", in: truncated + "\u{0}")
    #expect(
      report(truncated) == [
        "unreadable at line \(end.line), column \(end.column): not valid JSON: expected a member name"
      ] + secrets)
    // A byte that is not UTF-8 inside the URL string.
    let host = try position(of: "h.example", in: clean)
    var invalid = Array(clean.utf8)
    let offset = clean.utf8.distance(
      from: clean.utf8.startIndex, to: try #require(clean.range(of: "h.example")).lowerBound)
    invalid[offset] = 0xFF
    let result = Self.scanner.report(for: Data(invalid))
    #expect(
      result.unreadable == [
        SecretScanner.Unreadable(
          location: "line \(host.line), column \(host.column)", line: host.line,
          column: host.column, reason: "not valid JSON: invalid UTF-8 in a string")
      ])
    #expect(result.hits.map(\.description) == secrets)
    #expect(
      report("") == [
        "unreadable at line 1, column 1: not valid JSON: empty document: expected a JSON value"
      ])
    // Stray text outside any value is scanned too, line by line.
    #expect(
      report("{\"a\": 1}\nAuthorization: Bearer abc \(Self.token)\n") == [
        "unreadable at line 2, column 1: not valid JSON: unexpected character 'A' after the end of the document",
        "at line 2, column 1: an IAM token",
        "at line 2, column 1: an unredacted Authorization header line",
      ])
  }
}
