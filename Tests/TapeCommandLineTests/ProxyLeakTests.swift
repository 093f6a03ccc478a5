import Foundation
import LoopbackHTTP
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape proxy`, the built executable, records an upstream that echoes every secret the
/// client sent and some of its own: the cassette holds none of them in any form, and
/// `tape serve` replays the session for a client carrying other live secrets.
@Suite("tape proxy: no secret reaches the cassette")
struct ProxyLeakTests {
  static let token = "live-proxy-token-0123456789abcdefghij"
  static let secretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
  static let password = "hunter2-correct-horse"
  static let cookie = "sid-7f3e2d1c0b9a8877"

  @Test("secrets in headers, query, form and echoed answers are redacted; serve replays")
  func proxyRedactsEverywhere() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let upstream = try HTTPServer.start { request in
      let echoed = request.headers.first { $0.name.lowercased() == "x-auth-token" }?.value ?? ""
      var response = HTTPResponse.json(
        text:
          #"{"error_msg": "token \#(echoed) is valid", "credential": {"secret": "\#(Self.secretKey)"}, "status": "running"}"#
      )
      response.headers.add(name: "Set-Cookie", value: "sid=\(Self.cookie); Path=/")
      response.headers.add(name: "X-Subject-Token", value: Self.token)
      return response
    }
    defer { upstream.beginStop() }
    let cassette = FileManager.default.temporaryDirectory.appending(path: "leak-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }

    let proxy = try await RunningTape.start([
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
    ])
    let live = try await Self.send(through: proxy.url, token: Self.token, password: Self.password)
    #expect(live.status == 200)
    #expect(live.body.contains(Self.token))  // the client gets what the upstream said
    let stopped = await proxy.interrupt()
    #expect(stopped.status == 0, "\(stopped.output)")

    let bytes = try String(contentsOf: cassette, encoding: .utf8)
    for secret in [Self.token, Self.secretKey, Self.password, Self.cookie] {
      for form in Self.forms(of: secret) {
        #expect(!bytes.contains(form), "the cassette holds \(form)")
      }
    }
    let recorded = try CassetteFile.load(from: cassette).interactions
    #expect(recorded.count == 1)
    #expect(
      recorded.first?.redactions == [
        "request.form.password", "request.header.X-Auth-Token", "request.query.client_secret",
        "response.body/credential/secret", "response.body: live secret",
        "response.header.Set-Cookie", "response.header.X-Subject-Token",
      ])

    let server = try await RunningTape.start(["serve", cassette.path])
    let replayed = try await Self.send(
      through: server.url, token: "another-token-for-replay-000000000", password: "other-pw-1")
    _ = await server.interrupt()
    #expect(replayed.status == 200)
    #expect(replayed.body.contains("<LIVE_SECRET>"))
  }

  /// A POST through `base` carrying a token header, a secret query value and a form password.
  static func send(through base: String, token: String, password: String) async throws
    -> (status: Int, body: String)
  {
    var request = URLRequest(
      url: URL(string: base + "/v1/login?limit=1&client_secret=\(Self.secretKey)")!)
    request.httpMethod = "POST"
    request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data("grant_type=password&password=\(password)".utf8)
    let (body, response) = try await URLSession(configuration: .ephemeral).data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body, as: UTF8.self))
  }

  /// A value as it is, percent-encoded, base64 (padded or not, URL-safe) and JSON-escaped.
  static func forms(of value: String) -> [String] {
    let base64 = Data(value.utf8).base64EncodedString()
    return [
      value, value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value, base64,
      base64.trimmingCharacters(in: ["="]),
      base64.replacing("+", with: "-").replacing("/", with: "_"),
    ]
  }
}
