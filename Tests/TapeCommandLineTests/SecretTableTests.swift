import Foundation
import JSONTree
import Tape
import Testing

@testable import TapeCommandLine

/// The scan `tape audit` runs (``Redactor/huaweiCloud``, no live secrets): every kind of
/// secret in every place a cassette can hold it is found, exactly there and as what it
/// is, and its redacted form is not; by the scanner, and through the command.
@Suite("tape audit: kinds of secret × places")
struct SecretTableTests {
  /// A kind of secret, with the names it goes by in each place.
  struct Kind: CustomStringConvertible, Sendable {
    var description: String
    var value: String
    /// The shape the value has on its own, if any (`an IAM token`).
    var shape: String?
    var header: String
    var queryKey: String
    var jsonKey: String
    var formField: String
    /// The name it goes by in a `name=value` text, when it has no shape.
    var textName: String

    /// How it stands in a text or a custom header: bare when it has a shape, else
    /// `name=value`.
    func inText(_ value: String) -> String {
      shape == nil ? "\(textName)=\(value)" : value
    }

    /// The kind of the hit on it in a text or a custom header.
    var textHit: String {
      shape ?? "an unredacted '\(textName)' value in text"
    }
  }

  static let kinds = [
    Kind(
      description: "IAM token", value: "MIIEXAMPLEhvcNAQcCoIIEXAMPLE0123456789abcdef",
      shape: "an IAM token", header: "X-Auth-Token", queryKey: "token", jsonKey: "auth_token",
      formField: "access_token", textName: "token"),
    Kind(
      description: "AK", value: "HPUAEXAMPLEAK0123456", shape: "a Huawei Cloud access key (AK)",
      header: "X-Access-Key", queryKey: "ak", jsonKey: "user_ak", formField: "ak",
      textName: "ak"),
    Kind(
      description: "SK", value: "qWeRtYuIoP0123456789aSdFgHjKlZxCvBnM1234",
      shape: "a Huawei Cloud secret access key (SK)", header: "X-Secret-Key", queryKey: "sk",
      jsonKey: "secret_key", formField: "sk", textName: "sk"),
    Kind(
      description: "password", value: "hunter2-correct-horse", shape: nil,
      header: "X-Db-Password", queryKey: "password", jsonKey: "passwd", formField: "password",
      textName: "password"),
    Kind(
      description: "security token", value: "sts.EXAMPLE-session.token-value", shape: nil,
      header: "X-Security-Token", queryKey: "securitytoken", jsonKey: "session_token",
      formField: "security_token", textName: "securitytoken"),
  ]

  /// A place a secret can be: the cassette holding `value` there (`redacted`: its
  /// placeholder instead), and the hits expected.
  enum Place: String, CaseIterable, CustomStringConvertible, Sendable {
    case requestHeader, responseHeader, customHeader, query, jsonAtDepth, formBody, textBody
    case base64Aligned0, base64Aligned1, base64Aligned2, base64URLSafe, basicAuth

    var description: String { rawValue }

    /// The cassette's bytes with the secret planted here.
    func cassette(_ kind: Kind, redacted: Bool) -> Data {
      func value(_ name: String) -> String {
        redacted ? Redactor.placeholder(name) : kind.value
      }
      let bare = kind.inText(
        redacted
          ? kind.shape == nil ? Redactor.placeholder(kind.textName) : "<LIVE_SECRET>" : kind.value)
      var request = RecordedRequest(method: "GET", url: "https://iam.example.com/v3/users")
      var response = RecordedResponse(status: 200)
      switch self {
      case .requestHeader: request.headers = [kind.header: value(kind.header)]
      case .responseHeader: response.headers = [kind.header: value(kind.header)]
      case .customHeader: request.headers = ["X-Request-Note": bare]
      case .query: request.url += "?limit=10&\(kind.queryKey)=\(value(kind.queryKey))"
      case .jsonAtDepth:
        response.headers = ["Content-Type": "application/json"]
        response.body = RecordedBody(
          .json(
            .object([
              JSONMember(
                "data",
                .object([
                  JSONMember(
                    "items",
                    .array([.object([JSONMember(kind.jsonKey, .string(value(kind.jsonKey)))])]))
                ]))
            ])))
      case .formBody:
        request.method = "POST"
        request.headers = ["Content-Type": "application/x-www-form-urlencoded"]
        request.body = RecordedBody(
          .text("grant_type=password&\(kind.formField)=\(value(kind.formField))"))
      case .textBody:
        response.headers = ["Content-Type": "text/plain"]
        response.body = RecordedBody(.text("the answer: \(bare)\n"))
      case .base64Aligned0, .base64Aligned1, .base64Aligned2, .base64URLSafe:
        // Binary bytes around the secret: it starts 0, 1 or 2 bytes into a 3-byte group.
        let prefix: [UInt8] =
          switch self {
          case .base64Aligned1: [0x89]
          case .base64Aligned2: [0x89, 0xAB]
          case .base64URLSafe: [0xFB, 0xEF, 0xBE]
          default: []
          }
        response.body = RecordedBody(.base64(Data(prefix + Array(bare.utf8) + [0x00, 0xFF])))
      case .basicAuth:
        let credentials = "admin:" + (redacted ? Redactor.placeholder("password") : kind.value)
        request.headers = [
          "X-Forwarded-Authorization": "Basic " + Data(credentials.utf8).base64EncodedString()
        ]
      }
      let data = CassetteFile.encode(
        Cassette(interactions: [Interaction(request: request, response: response)]))
      guard self == .base64URLSafe, case .base64(let bytes)? = response.body?.content else {
        return data
      }
      let standard = bytes.base64EncodedString()
      let urlSafe = standard.replacing("+", with: "-").replacing("/", with: "_")
      precondition(standard != urlSafe)
      return Data(String(decoding: data, as: UTF8.self).replacing(standard, with: urlSafe).utf8)
    }

    /// The hits on `kind` planted here, as `tape audit` prints them.
    func expected(_ kind: Kind) -> [String] {
      let shape = kind.shape.map { [$0] } ?? []
      let (location, kinds): (String, [String]) =
        switch self {
        case .requestHeader:
          ("/interactions/0/request/headers/0/1", ["an unredacted \(kind.header) header"] + shape)
        case .responseHeader:
          ("/interactions/0/response/headers/0/1", ["an unredacted \(kind.header) header"] + shape)
        case .customHeader: ("/interactions/0/request/headers/0/1", [kind.textHit])
        case .query:
          ("/interactions/0/request/url", ["an unredacted query value '\(kind.queryKey)'"] + shape)
        case .jsonAtDepth:
          (
            "/interactions/0/response/body/json/data/items/0/\(kind.jsonKey)",
            ["an unredacted '\(kind.jsonKey)' value"] + shape
          )
        case .formBody:
          (
            "/interactions/0/request/body/text",
            ["an unredacted form field '\(kind.formField)'"] + shape
          )
        case .textBody: ("/interactions/0/response/body/text", [kind.textHit])
        case .base64Aligned0, .base64Aligned1, .base64Aligned2, .base64URLSafe:
          ("/interactions/0/response/body/base64 (decoded)", [kind.textHit])
        case .basicAuth:
          ("/interactions/0/request/headers/0/1", ["Basic credentials (base64 of user:password)"])
        }
      return kinds.map { "at \(location): \($0)" }.sorted()
    }
  }

  static let auditScanner = SecretScanner(redactor: .huaweiCloud)

  @Test(
    "each kind of secret in each place is found, there, as what it is", arguments: kinds,
    Place.allCases)
  func plantedSecretIsFound(kind: Kind, place: Place) {
    let report = Self.auditScanner.report(for: place.cassette(kind, redacted: false))
    #expect(report.hits.map(\.description).sorted() == place.expected(kind))
    #expect(report.unreadable.isEmpty)
  }

  @Test(
    "its redacted form (the redactor's placeholder) is not a secret", arguments: kinds,
    Place.allCases)
  func redactedFormIsClean(kind: Kind, place: Place) {
    let data = place.cassette(kind, redacted: true)
    #expect(Self.auditScanner.report(for: data) == SecretScanner.Report(hits: [], unreadable: []))
    #expect(!String(decoding: data, as: UTF8.self).contains(kind.value))
  }

  /// A folder holding one cassette per kind and place, and the lines `tape audit` prints
  /// for it (the secrets of each file, in file order).
  static func plantedFolder(redacted: Bool) throws -> (folder: URL, lines: [String]) {
    let folder = FileManager.default.temporaryDirectory.appending(path: "audit-table-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var lines: [String] = []
    for (kindIndex, kind) in kinds.enumerated() {
      for (placeIndex, place) in Place.allCases.enumerated() {
        // Zero-padded, so that the command's sorted order is this order.
        let file = folder.appending(path: String(format: "%02d-%02d.json", kindIndex, placeIndex))
        try place.cassette(kind, redacted: redacted).write(to: file)
        let hits = Self.auditScanner.scan(try Data(contentsOf: file)).map(\.description)
        #expect(hits.sorted() == (redacted ? [] : place.expected(kind)), "\(kind) \(place)")
        lines += hits.map { "\(file.path): \($0)" }
      }
    }
    return (folder, lines)
  }

  @Test("through tape audit: every planted secret printed, file and place; the redacted ones pass")
  func throughTheCommand() throws {
    let count = Self.kinds.count * Place.allCases.count
    let (planted, lines) = try Self.plantedFolder(redacted: false)
    defer { try? FileManager.default.removeItem(at: planted) }
    let outcome = AuditCommand.run([planted.path])
    #expect(outcome.status == 1)
    #expect(outcome.output == lines.map { $0 + "\n" }.joined())
    #expect(outcome.errorOutput == "\(lines.count) secrets found in \(count) of \(count) files\n")
    let (redacted, none) = try Self.plantedFolder(redacted: true)
    defer { try? FileManager.default.removeItem(at: redacted) }
    #expect(none.isEmpty)
    #expect(
      AuditCommand.run([redacted.path])
        == CommandOutcome(
          status: 0, output: "", errorOutput: "audited \(count) files: no secrets\n"))
  }

  @Test("a name's value is judged by the redactor's placeholder rule alone")
  func onlyTheRedactorsPlaceholders() {
    func hits(_ value: JSONValue) -> [String] {
      Self.auditScanner.scan(.object([JSONMember("password", value)])).map(\.description)
    }
    for placeholder in ["<PASSWORD>", "<X_AUTH_TOKEN>", "<LIVE_SECRET>", "<REDACTED>", ""] {
      #expect(hits(.string(placeholder)).isEmpty, "\(placeholder)")
    }
    for secret in [
      "<hunter2>", "<x_auth_token>", "<PASS WORD>", "<>", "REDACTED", "0", "<PASSWORD>!",
    ] {
      #expect(
        hits(.string(secret)) == ["at /password: an unredacted 'password' value"], "\(secret)")
    }
    #expect(hits(.number("0")).isEmpty)
    #expect(hits(.bool(true)).isEmpty)
    #expect(hits(.null).isEmpty)
    #expect(hits(.number("1234")) == ["at /password: an unredacted 'password' value"])
    #expect(hits(.number("0.0")) == ["at /password: an unredacted 'password' value"])
    #expect(
      hits(.array([.string("<PASSWORD>"), .string("x")])) == [
        "at /password/1: an unredacted 'password' value"
      ])
    // In a text, a query or a header alike.
    #expect(
      Self.auditScanner.scan(text: "password=<hunter2>&sk=<SK>", at: "t").map(\.description) == [
        "at t: an unredacted form field 'password'"
      ])
    #expect(
      Self.auditScanner.scan(
        .object([JSONMember("url", .string("https://h.example/p?sk=<sk>&ak=<AK>"))])
      )
      .map(\.description) == ["at /url: an unredacted query value 'sk'"])
  }

  @Test("ids, names, hashes and base64 that only look like keys are not secrets")
  func lookalikesAreNotSecrets() {
    // A fixed pseudo-random blob: base64 of 3 KB holds many 20- and 40-character runs
    // between its + and /.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let blob = Data(
      (0..<3072).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
      }
    ).base64EncodedString()
    // 48 KB: thousands of runs between + and /, some of them 20 or 40 long.
    let largeBlob = Data(
      (0..<49_152).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
      }
    ).base64EncodedString()
    let lookalikes = [
      "0123456789abcdef0123456789abcdef",  // a project id
      "4f0c2a1e9b8d7c6f5e4d3c2b1a0f9e8d7c6b5a49",  // a git SHA
      "4F0C2A1E9B8D7C6F5E4D3C2B1A0F9E8D7C6B5A49",  // the same, upper case
      "0123456789ABCDEF0123",  // 20 upper-case hexadecimal digits
      "0123456789abcdefABCDEF0123456789abcdefAB",  // 40 hexadecimal digits of both cases
      "RULE_TEMPLATE", "TASK_STATUS_RUNNING_WITH_A_LONG_NAME_20", "ABCDEFGHIJKLMNOPQRST",
      "ThisIsAVeryLongCamelCaseIdentifierNameXy", "a1b2c3d4-0000-4000-8000-000000000001",
      "XHPUAEXAMPLEAK0123456", "HPUAEXAMPLEAK0123456X", "key_HPUAEXAMPLEAK0123456",
      "2026-11-18T11:06:40.123Z", "SVCSTG.CPTS.0000000", "DRS.10000010",
      "https://h.example/v1/jobs?offset=0&limit=10&token_type=Bearer",
      "max-age=0, must-revalidate", "Basic usage of the API", "Basic dXNlcg==", "Basic YWRtaW46",
      "password reset requested", "the token expired", "Bearer token required",
      #"Bearer realm="iam", error="invalid_token""#, "Bearer <X_AUTH_TOKEN>",
      "100% done, 50%25 left", blob, "data:" + blob, largeBlob,
      // Key-shaped runs inside base64, between its + and /: not whole words.
      "Zm9v+qWeRtYuIoP0123456789aSdFgHjKlZxCvBnM1234/YmFy",
      "Zm9v/HPUAEXAMPLEAK0123456+YmFy", "qWeRtYuIoP0123456789aSdFgHjKlZxCvBnM1234==",
    ]
    for text in lookalikes {
      let tree = JSONValue.object([JSONMember("message", .string(text))])
      #expect(Self.auditScanner.scan(tree).isEmpty, "\(text.prefix(60))")
    }
  }

  @Test(
    "what the redactor writes the scan passes: a named secret redacted by huaweiCloud is clean",
    arguments: kinds, [Place.requestHeader, .responseHeader, .query, .jsonAtDepth, .formBody])
  func redactorAndScannerAgree(kind: Kind, place: Place) throws {
    let planted = try CassetteFile.decode(place.cassette(kind, redacted: false), file: "planted")
    let redacted = Cassette(interactions: planted.interactions.map(Redactor.huaweiCloud.redact))
    #expect(Self.auditScanner.scan(CassetteFile.encode(redacted)).isEmpty)
  }
}
