import Foundation
import JSONTree
import Testing

@testable import Tape

@Suite("Cassette format")
struct CassetteFormatTests {
  static let committed: [String] = {
    let folder = packageRoot.appending(path: "cassettes")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }()

  @Test("load then save of every committed cassette is byte-identical", arguments: committed)
  func loadSaveIsByteIdentical(name: String) throws {
    let url = packageRoot.appending(path: "cassettes/\(name)")
    let original = try Data(contentsOf: url)
    let cassette = try CassetteFile.load(from: url)
    #expect(CassetteFile.encode(cassette) == original)
  }

  @Test("the five APIs each have a polling cassette recorded by tape record all")
  func committedCassettes() throws {
    #expect(Self.committed.count == 5)
    for name in Self.committed {
      let cassette = try CassetteFile.load(from: packageRoot.appending(path: "cassettes/\(name)"))
      #expect(cassette.metadata["origin"] == "recorded", "\(name)")
      #expect(cassette.metadata["recordedWith"] == "swift run tape record all", "\(name)")
    }
  }

  @Test("encoding is canonical: sorted keys, sorted headers (duplicates in order), final newline")
  func canonicalEncoding() throws {
    let cassette = Cassette(
      interactions: [
        Interaction(
          request: RecordedRequest(
            method: "GET", url: "https://h.example/a",
            headers: HeaderFields([.init("x-b", "1"), .init("Accept", "x"), .init("X-B", "2")])),
          response: RecordedResponse(status: 204), offset: .milliseconds(1500),
          duration: .milliseconds(20), repeatCount: 3, redactions: ["request.header.X-Auth-Token"])
      ], recordedAt: "2026-11-22T10:00:00Z", metadata: ["origin": "test"])
    let text = String(decoding: CassetteFile.encode(cassette), as: UTF8.self)
    #expect(
      text == """
        {
          "formatVersion": 1,
          "interactions": [
            {
              "durationMilliseconds": 20,
              "offsetMilliseconds": 1500,
              "redacted": [
                "request.header.X-Auth-Token"
              ],
              "repeat": 3,
              "request": {
                "headers": [
                  [
                    "Accept",
                    "x"
                  ],
                  [
                    "x-b",
                    "1"
                  ],
                  [
                    "X-B",
                    "2"
                  ]
                ],
                "method": "GET",
                "url": "https://h.example/a"
              },
              "response": {
                "headers": [],
                "status": 204
              }
            }
          ],
          "metadata": {
            "origin": "test"
          },
          "recordedAt": "2026-11-22T10:00:00Z"
        }

        """)
    #expect(try CassetteFile.decode(Data(text.utf8), file: "x") == cassette)
  }

  @Test("bodies: JSON keeps every digit, text and base64 round-trip, decodedFrom is kept")
  func bodies() throws {
    let bodies = [
      RecordedBody(
        .json(try JSONParser().parse(#"{"create_date": 9223372036854776000, "b": [1.50]}"#))),
      RecordedBody(.text("plain ünïcode\n")),
      RecordedBody(.base64(Data([0xFF, 0x00, 0xC3]))),
      RecordedBody(.text("unzipped"), decodedFrom: "gzip"),
    ]
    for body in bodies {
      let cassette = Cassette(interactions: [
        Interaction(
          request: RecordedRequest(method: "POST", url: "https://h.example/", body: body),
          response: RecordedResponse(status: 200, body: body))
      ])
      let encoded = CassetteFile.encode(cassette)
      #expect(try CassetteFile.decode(encoded, file: "x") == cassette)
    }
    let json = RecordedBody(.json(try JSONParser().parse(#"{"n": 9223372036854776000}"#)))
    #expect(String(decoding: json.data, as: UTF8.self) == #"{"n":9223372036854776000}"#)
  }

  @Test("a body is stored as JSON, text or base64 from its content type and bytes")
  func bodyClassification() throws {
    #expect(
      RecordedBody(data: Data("{\"a\":1}".utf8), contentType: "application/json").content
        == .json(.object([JSONMember("a", .number("1"))])))
    #expect(
      RecordedBody(data: Data("{\"a\":1}".utf8), contentType: "text/plain").content
        == .text("{\"a\":1}"))
    #expect(
      RecordedBody(data: Data("{oops".utf8), contentType: "application/json").content
        == .text("{oops"))
    #expect(RecordedBody(data: Data([0xFF]), contentType: nil).content == .base64(Data([0xFF])))
  }

  @Test("save writes atomically and creates folders; load of a missing file says so")
  func saveAndLoadFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appending(path: "nested/polling.json")
    let cassette = Cassette(interactions: [try exchange(taskURL, json: #"{"task_status": 2}"#)])
    try CassetteFile.save(cassette, to: url)
    #expect(try CassetteFile.load(from: url) == cassette)
    let missing = #expect(throws: CassetteError.self) {
      try CassetteFile.load(from: folder.appending(path: "none.json"))
    }
    #expect(missing?.problem == .missing)
    #expect(missing?.description == "\(folder.appending(path: "none.json").path): no such cassette")
  }
}

@Suite("Malformed cassettes")
struct MalformedCassetteTests {
  static let valid = """
    {"formatVersion": 1, "interactions": [{"request": {"method": "GET", "url": "https://h.example/a"},
    "response": {"status": 200, "body": {"text": "ok"}}}]}
    """

  struct Case: Sendable, CustomStringConvertible {
    var description: String
    var document: String
    var message: String
  }

  @Test(
    "each malformation names the file and the place",
    arguments: [
      Case(
        description: "truncated", document: String(valid.prefix(60)),
        message:
          "bad.json: not valid JSON: line 1, column 61 (byte 60) at /interactions/0/request/method: unexpected end of input: expected a value"
      ),
      Case(
        description: "bad base64",
        document: valid.replacing(#"{"text": "ok"}"#, with: #"{"base64": "%%%"}"#),
        message: "bad.json: at /interactions/0/response/body/base64: invalid base64"),
      Case(
        description: "newer format",
        document: valid.replacing(#""formatVersion": 1"#, with: #""formatVersion": 2"#),
        message:
          "bad.json: formatVersion 2 is not supported by this Tape, which reads versions 1...1; update Tape to replay it"
      ),
      Case(
        description: "status as a string",
        document: valid.replacing(#""status": 200"#, with: #""status": "200""#),
        message: "bad.json: at /interactions/0/response/status: expected an integer, found string"),
      Case(
        description: "status out of range",
        document: valid.replacing(#""status": 200"#, with: #""status": 999"#),
        message: "bad.json: at /interactions/0/response/status: 999 is out of range 100...599"),
      Case(
        description: "missing method", document: valid.replacing(#""method": "GET", "#, with: ""),
        message: "bad.json: at /interactions/0/request: missing key 'method'"),
      Case(
        description: "missing interactions", document: #"{"formatVersion": 1}"#,
        message: "bad.json: at (root): missing key 'interactions'"),
      Case(
        description: "missing formatVersion", document: #"{"interactions": []}"#,
        message: "bad.json: at (root): missing key 'formatVersion'"),
      Case(
        description: "unknown key",
        document: valid.replacing(#""status": 200"#, with: #""status": 200, "stauts": 1"#),
        message:
          "bad.json: at /interactions/0/response/stauts: unknown key 'stauts' (expected one of: body, headers, status)"
      ),
      Case(
        description: "duplicate key",
        document: valid.replacing(#""status": 200"#, with: #""status": 200, "status": 201"#),
        message: "bad.json: at /interactions/0/response/status: duplicate key"),
      Case(
        description: "header not a pair",
        document: valid.replacing(#""status": 200"#, with: #""status": 200, "headers": [["a"]]"#),
        message:
          #"bad.json: at /interactions/0/response/headers/0: expected a [name, value] pair of strings, found ["a"]"#
      ),
      Case(
        description: "two body forms",
        document: valid.replacing(#"{"text": "ok"}"#, with: #"{"text": "ok", "base64": ""}"#),
        message:
          "bad.json: at /interactions/0/response/body: expected exactly one of 'json', 'text' or 'base64', found 2"
      ),
      Case(
        description: "relative url", document: valid.replacing("https://h.example/a", with: "/a"),
        message: "bad.json: at /interactions/0/request/url: '/a' is not an absolute URL"),
      Case(
        description: "interactions not an array",
        document: #"{"formatVersion": 1, "interactions": {}}"#,
        message: "bad.json: at /interactions: expected an array, found object"),
      Case(
        description: "not an object", document: "[]",
        message: "bad.json: at (root): expected an object, found array"),
      Case(
        description: "empty method",
        document: valid.replacing(#""method": "GET""#, with: #""method": """#),
        message:
          "bad.json: at /interactions/0/request/method: expected an HTTP method such as GET, found ''"
      ),
      Case(
        description: "method with a space",
        document: valid.replacing(#""method": "GET""#, with: #""method": "GE T""#),
        message:
          "bad.json: at /interactions/0/request/method: expected an HTTP method such as GET, found 'GE T'"
      ),
      Case(
        description: "unknown decodedFrom",
        document: valid.replacing(
          #"{"text": "ok"}"#, with: #"{"text": "ok", "decodedFrom": "brotli"}"#),
        message:
          "bad.json: at /interactions/0/response/body/decodedFrom: unknown content coding 'brotli' (expected one of: br, deflate, gzip)"
      ),
      Case(
        description: "empty file", document: "",
        message:
          "bad.json: not valid JSON: line 1, column 1 (byte 0) at (root): empty document: expected a JSON value"
      ),
    ])
  func reportsMalformation(_ malformed: Case) {
    let error = #expect(throws: CassetteError.self) {
      try CassetteFile.decode(Data(malformed.document.utf8), file: "bad.json")
    }
    #expect(error?.description == malformed.message)
  }

  @Test("the valid base document loads")
  func validBaseLoads() throws {
    let cassette = try CassetteFile.decode(Data(Self.valid.utf8), file: "ok.json")
    #expect(cassette.interactions.first?.response.body?.content == .text("ok"))
  }
}

@Suite("Cassette names")
struct CassetteNameTests {
  @Test("relative names get .json", arguments: ["polling", "check/polling", "a.b-c_d.json"])
  func valid(name: String) throws {
    let validated = try CassetteName(name)
    #expect(validated.relativePath == (name.hasSuffix(".json") ? name : name + ".json"))
    #expect(validated.url(in: URL(fileURLWithPath: "/c")).path == "/c/\(validated.relativePath)")
  }

  @Test(
    "unsafe names are refused with the reason",
    arguments: [
      ("", "it is empty"), ("/etc/passwd", "it must be relative to the cassette folder"),
      ("~/x", "it must be relative to the cassette folder"),
      ("../secrets", "it must not contain empty, '.' or '..' segments"),
      ("a/../../b", "it must not contain empty, '.' or '..' segments"),
      ("a//b", "it must not contain empty, '.' or '..' segments"),
      ("a\\b", "use '/' to separate folders"), ("a\u{0}b", "it contains a control character"),
    ])
  func invalid(name: String, reason: String) {
    let error = #expect(throws: CassetteError.self) { try CassetteName(name) }
    #expect(error?.problem == .invalidName(reason))
    #expect(error?.description == "invalid cassette name '\(name)': \(reason)")
  }
}

@Suite("Header fields")
struct HeaderFieldsTests {
  @Test("from a Foundation dictionary: sorted canonically, looked up case-insensitively")
  func fromDictionary() {
    let headers = HeaderFields([
      "X-Request-Id": "r1", "content-type": "application/json", "Accept": "*/*",
    ])
    #expect(headers.fields.map(\.name) == ["Accept", "content-type", "X-Request-Id"])
    #expect(headers["CONTENT-TYPE"] == "application/json")
    #expect(headers["missing"] == nil)
  }

  @Test(
    "set replaces every field of a name in place, or removes them; duplicates join for Foundation")
  func setAndDictionary() {
    var headers = HeaderFields([.init("A", "1"), .init("b", "2"), .init("a", "3")])
    #expect(headers.values(for: "a") == ["1", "3"])
    #expect(headers.dictionary == ["A": "1, 3", "b": "2"])
    headers.set("a", to: "9")
    #expect(headers.fields == [.init("a", "9"), .init("b", "2")])
    headers.set("B", to: nil)
    #expect(headers.fields == [.init("a", "9")])
  }
}
