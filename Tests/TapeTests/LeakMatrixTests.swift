import Foundation
import JSONTree
import Testing

@testable import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The secrets a session carries, each of a kind the redactor must hide.
enum LiveSecret: String, CaseIterable, CustomTestStringConvertible {
  case token = "LIVE-TOKEN-a1b2c3d4e5f6g7h8"
  case accessKey = "QTWAOYTTINDUT2QVKYUC"
  case secretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
  case password = "hunter2-correct-horse"
  case securityToken = "sts-9f8e7d6c5b4a39281706"

  var testDescription: String { "\(self)" }

  /// The forms the secret may take in bytes written or printed: as it is, percent-encoded,
  /// base64 (standard and URL-safe, padded or not) and JSON-escaped.
  var forms: [String] { Self.forms(of: rawValue) }
}

/// Where in an exchange a secret can travel.
enum SecretPlace: String, CaseIterable, CustomTestStringConvertible {
  case requestHeader, responseHeader, customHeader, query, jsonAtDepth, jsonArray, jsonNumber
  case formBody, textBody, echoedInErrorBody, jsonWithoutJSONContentType

  var testDescription: String { rawValue }

  /// An unredacted exchange carrying `secret` at this place (and nowhere else), and the
  /// live secrets the session knows of beyond those the exchange shows by itself.
  func exchange(carrying secret: LiveSecret) throws -> (Interaction, liveSecrets: [String]) {
    let value = secret.rawValue
    var request = RecordedRequest(method: "GET", url: "https://api.example/v1/tasks/t1")
    var response = RecordedResponse(
      status: 200, headers: ["Content-Type": "application/json"],
      body: RecordedBody(.json(try JSONParser().parse(#"{"status":"running"}"#))))
    var liveSecrets: [String] = []
    switch self {
    case .requestHeader:
      request.headers = ["Authorization": "Bearer \(value)"]
    case .responseHeader:
      response.headers.set("Set-Cookie", to: "session=\(value); Path=/")
    case .customHeader:
      request.headers = ["X-Service-Api-Key": value]
    case .query:
      request.url += "?limit=10&access_token=\(value)"
    case .jsonAtDepth:
      request.method = "POST"
      request.headers = ["Content-Type": "application/json"]
      request.body = RecordedBody(
        .json(
          try JSONParser().parse(#"{"a": {"b": [{"client_secret": {"key": "\#(value)"}}]}}"#)))
    case .jsonArray:
      request.method = "POST"
      request.headers = ["Content-Type": "application/json"]
      request.body = RecordedBody(
        .json(try JSONParser().parse(#"{"user": {"password": ["\#(value)"]}}"#)))
    case .jsonNumber:
      // A numeric secret, such as a PIN: only its digits stand for it.
      response.body = RecordedBody(
        .json(try JSONParser().parse(#"{"session_token": 73914826501}"#)))
      liveSecrets = ["73914826501"]
      return (Interaction(request: request, response: response), liveSecrets)
    case .formBody:
      request.method = "POST"
      request.headers = ["Content-Type": "application/x-www-form-urlencoded"]
      request.body = RecordedBody(.text("grant_type=password&username=u1&password=\(value)"))
    case .textBody:
      request.method = "POST"
      request.headers = ["Content-Type": "text/plain"]
      request.body = RecordedBody(.text("sk=\(value)"))
    case .echoedInErrorBody:
      // The service echoes the token the request carried in its error message.
      request.headers = ["X-Auth-Token": value]
      response = RecordedResponse(
        status: 401, headers: ["Content-Type": "application/json"],
        body: RecordedBody(
          .json(
            try JSONParser().parse(
              #"{"error_code":"APIG.0301","error_msg":"Incorrect token \#(value)"}"#))))
    case .jsonWithoutJSONContentType:
      request.method = "POST"
      request.body = RecordedBody(.text(#"{"auth": {"session_token": "\#(value)"}}"#))
    }
    return (Interaction(request: request, response: response), liveSecrets)
  }
}

/// Every secret kind in every place goes through the one writer and comes out redacted: the
/// bytes written hold none of the secret's forms, and the scan before writing agrees.
@Suite("Leak matrix: the one writer")
struct LeakMatrixTests {
  @Test(
    "no form of the secret reaches the cassette",
    arguments: LiveSecret.allCases, SecretPlace.allCases)
  func writerRedacts(secret: LiveSecret, place: SecretPlace) throws {
    let (raw, liveSecrets) = try place.exchange(carrying: secret)
    let recorder = CassetteRecorder(
      redactor: .huaweiCloud, liveSecrets: liveSecrets, environment: [:])
    recorder.keep(raw)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("leak-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: file) }
    let summary = try recorder.write(to: file)
    let written = try String(contentsOf: file, encoding: .utf8)
    let secrets = place == .jsonNumber ? liveSecrets : [secret.rawValue]
    for value in secrets {
      for form in LiveSecret.forms(of: value) {
        #expect(!written.contains(form), "\(place) leaks \(form)")
      }
    }
    #expect(summary.recorded == 1)
    let stored = try CassetteFile.load(from: file).interactions[0]
    #expect(!stored.redactions.isEmpty, "nothing was said to be redacted")
  }

  @Test("a redacted JSON value keeps its type: strings become placeholders, numbers 0")
  func typesKept() throws {
    let raw = Interaction(
      request: RecordedRequest(method: "GET", url: "https://api.example/x"),
      response: RecordedResponse(
        status: 200,
        body: RecordedBody(
          .json(
            try JSONParser().parse(
              #"{"secret": false, "password": null, "token": {"id": "t-123456", "expires_at": "2026"}, "pin_token": 1234, "credential": {"access": "AK"}}"#
            )))))
    let redacted = Redactor.huaweiCloud.redact(raw)
    let body = try #require(redacted.response.body)
    let expected = try JSONParser().parse(
      #"{"secret": false, "password": null, "token": {"id": "t-123456", "expires_at": "2026"}, "pin_token": 0, "credential": {"access": "<ACCESS>"}}"#
    )
    #expect(body == RecordedBody(.json(expected)))
  }

  @Test("a custom rule rewrites what the rules cannot say, recorded and live alike")
  func customRule() throws {
    let dropTrace = Redactor.CustomRule("drop X-Trace") { interaction in
      interaction.request.headers.set("X-Trace", to: nil)
    }
    let redactor = Redactor.standard.adding(customRules: [dropTrace])
    let raw = Interaction(
      request: RecordedRequest(
        method: "GET", url: "https://api.example/x", headers: ["X-Trace": "abc"]),
      response: RecordedResponse(status: 204))
    let redacted = redactor.redact(raw)
    #expect(redacted.request.headers["X-Trace"] == nil)
    #expect(redacted.redactions == ["custom rule: drop X-Trace"])
    let live = redactor.redact(
      RequestSnapshot(request("https://api.example/x", headers: ["X-Trace": "abc"])))
    #expect(live.headers["X-Trace"] == nil)
  }

  @Test("the Huawei profile finds the SDK credentials in the environment by itself")
  func environmentSecrets() throws {
    let secretKey = LiveSecret.secretKey.rawValue
    let recorder = CassetteRecorder(
      redactor: .huaweiCloud, environment: ["HUAWEICLOUD_SDK_SK": secretKey, "HOME": "/root"])
    // The secret key is echoed where no rule looks: only the environment tells.
    recorder.keep(
      Interaction(
        request: RecordedRequest(method: "GET", url: "https://api.example/x"),
        response: RecordedResponse(
          status: 400, headers: ["Content-Type": "text/plain"],
          body: RecordedBody(.text("bad signing key \(secretKey)")))))
    let cassette = recorder.cassette()
    #expect(
      cassette.interactions[0].response.body?.content == .text("bad signing key <LIVE_SECRET>"))
    #expect(Redactor.standard.environmentSecrets(in: ["HUAWEICLOUD_SDK_SK": secretKey]).isEmpty)
  }
}

extension LiveSecret {
  /// The forms of any value (see ``forms``).
  static func forms(of value: String) -> [String] {
    let base64 = Data(value.utf8).base64EncodedString()
    let urlSafe = base64.replacing("+", with: "-").replacing("/", with: "_")
    return [
      value, value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value,
      base64, base64.trimmingCharacters(in: ["="]), urlSafe, JSONValue.string(value).serialized(),
    ]
  }
}

/// A live request carrying real secrets replays from a cassette holding their placeholders,
/// and when it matches nothing, the near-miss report holds none of them.
@Suite("Leak matrix: matching and reports")
struct LiveRequestRedactionTests {
  /// The places a request carries a secret.
  static let requestPlaces: [SecretPlace] = [
    .requestHeader, .customHeader, .query, .jsonAtDepth, .jsonArray, .formBody, .textBody,
    .jsonWithoutJSONContentType,
  ]

  @Test(
    "a recording holding placeholders replays for the live secret",
    arguments: LiveSecret.allCases, requestPlaces)
  func placeholdersMatch(secret: LiveSecret, place: SecretPlace) async throws {
    let (raw, _) = try place.exchange(carrying: secret)
    let recorded = Redactor.huaweiCloud.redact(raw)
    let tape = try player([recorded], ReplayConfiguration(redactor: .huaweiCloud))
    let (body, response) = try await tape.transport.send(Self.urlRequest(raw.request))
    #expect(response.statusCode == 200)
    #expect(String(decoding: body, as: UTF8.self) == #"{"status":"running"}"#)
  }

  @Test(
    "a near-miss report shows no form of the live secret",
    arguments: LiveSecret.allCases, requestPlaces)
  func reportsRedact(secret: LiveSecret, place: SecretPlace) async throws {
    let (raw, _) = try place.exchange(carrying: secret)
    var elsewhere = raw.request
    elsewhere.url = elsewhere.url.replacing("/v1/tasks/t1", with: "/v1/tasks/t2")
    let tape = try player(
      [Redactor.huaweiCloud.redact(raw)], ReplayConfiguration(redactor: .huaweiCloud))
    let failure = await #expect(throws: ReplayFailure.self) {
      try await tape.transport.send(Self.urlRequest(elsewhere))
    }
    let report = try #require(failure?.report)
    #expect(report.contains("/v1/tasks/t2"))
    for form in secret.forms {
      #expect(!report.contains(form), "the report shows \(form)")
      #expect(failure?.request.contains(form) == false)
    }
  }

  @Test("a header matcher's verdict shows placeholders, never the live header")
  func headerVerdict() async throws {
    let token = LiveSecret.token.rawValue
    let recorded = Interaction(
      request: RecordedRequest(
        method: "GET", url: "https://api.example/v1/a", headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
      response: RecordedResponse(status: 200))
    let tape = try player(
      [recorded], ReplayConfiguration(matchers: [.path, .headers(["X-Auth-Token"])]))
    let replayed = try await tape.transport.send(
      request("https://api.example/v1/a", headers: ["X-Auth-Token": token]))
    #expect(replayed.1.statusCode == 200)
    let failure = await #expect(throws: ReplayFailure.self) {
      try await tape.transport.send(
        request("https://api.example/v1/b", headers: ["X-Auth-Token": token]))
    }
    #expect(failure?.report.contains(token) == false)
    #expect(failure?.report.contains("X-Auth-Token: <redacted>") == true)
  }

  /// The live request a recorded one was made from.
  static func urlRequest(_ recorded: RecordedRequest) -> URLRequest {
    var live = URLRequest(url: URL(string: recorded.url)!)
    live.httpMethod = recorded.method
    for field in recorded.headers.fields {
      live.addValue(field.value, forHTTPHeaderField: field.name)
    }
    live.httpBody = recorded.body?.data
    return live
  }
}
