import Foundation
import RedirectTestSupport
import Tape
import Testing

/// `tape poll` and `tape record` against a server that redirects to another origin, through
/// the built executable: a clear error naming that origin, exit 1, no credential sent there,
/// and the recording keeps the redirect as answered.
@Suite("tape poll and tape record: a redirect to another origin")
struct RedirectCommandTests {
  /// The credentials of one run, from the environment, and the headers they travel in.
  enum Credentials: String, CaseIterable, Sendable {
    case token, temporaryAccessKey, password

    var environment: [String: String] {
      switch self {
      case .token: ["HUAWEICLOUD_SDK_AUTH_TOKEN": "token-cli-secret-4c1d"]
      case .temporaryAccessKey:
        [
          "HUAWEICLOUD_SDK_AK": "AK-cli-8d2e", "HUAWEICLOUD_SDK_SK": "SK-cli-secret-3f9a",
          "HUAWEICLOUD_SDK_SECURITY_TOKEN": "security-cli-secret-77b0",
        ]
      case .password:
        [
          "HUAWEICLOUD_SDK_USERNAME": "user-cli", "HUAWEICLOUD_SDK_PASSWORD": "password-cli-5a6b",
          "HUAWEICLOUD_SDK_DOMAIN": "domain-cli",
        ]
      }
    }

    /// The secret values, which the cassette must not hold either.
    var secrets: [String] {
      [
        "token-cli-secret-4c1d", "SK-cli-secret-3f9a", "security-cli-secret-77b0",
        "password-cli-5a6b",
      ]
      .filter { environment.values.contains($0) }
    }

    /// A password is first sent to IAM in a POST body: its 307 keeps method and body.
    var status: Int { self == .password ? 307 : 302 }

    /// What the error names as the redirected request.
    var subject: String { self == .password ? "IAM token request" : "check" }
  }

  /// Runs `tape <arguments> --endpoint <origin>` against two servers, the origin answering
  /// every request with a redirect to the other; checks the output and that nothing reached
  /// the other origin; returns the cassette written to `file`.
  func runAgainstRedirect(
    _ arguments: [String], credentials: Credentials, cassette file: URL
  ) async throws -> Cassette {
    try #require(
      FileManager.default.isExecutableFile(atPath: RunningTape.binary.path),
      "no tape at \(RunningTape.binary.path)")
    try await RedirectingServers.with(status: credentials.status) { _, other in
      other.appending(path: "landed").absoluteString
    } _: { servers in
      let (status, output) = try await RunningTape.run(
        arguments + ["--endpoint", servers.origin.baseURL.absoluteString, "--interval", "0.01"],
        environment: credentials.environment.merging(["HUAWEICLOUD_SDK_PROJECT_ID": "p"]) {
          $1
        })
      #expect(status == 1, "\(output)")
      #expect(
        output.contains(
          "error: \(credentials.subject): HTTP \(credentials.status) redirect to another origin, "
            + "\(servers.otherOrigin), not followed: the credentials were not sent there\n"),
        "\(output)")
      #expect(servers.credentialsReceivedByOther == [])
      #expect(servers.receivedByOther.isEmpty)
      #expect(servers.receivedByOrigin.count == 1, "one request, never retried")
      for secret in credentials.secrets { #expect(!output.contains(secret)) }
    }
    let cassette = try CassetteFile.load(from: file)
    let bytes = try String(contentsOf: file, encoding: .utf8)
    for secret in credentials.secrets { #expect(!bytes.contains(secret)) }
    return cassette
  }

  @Test(
    "tape poll --cassette: exit 1 naming the other origin; the cassette keeps the redirect",
    arguments: Credentials.allCases)
  func poll(_ credentials: Credentials) async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "redirect-poll-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "poll.json")
    let cassette = try await runAgainstRedirect(
      ["poll", "check", "t1", "--cassette", file.path], credentials: credentials, cassette: file)
    let interaction = try #require(cassette.interactions.first)
    #expect(cassette.interactions.count == 1)
    #expect(interaction.response.status == credentials.status)
    #expect(interaction.response.headers["Location"]?.hasSuffix("/landed") == true)
    #expect(
      interaction.response.body?.data == Data(RedirectingServers.redirectBody.utf8))
  }

  @Test("tape record <api>: exit 1 naming the other origin; the cassette keeps the 302")
  func record() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "redirect-record-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check-t1.json")
    let cassette = try await runAgainstRedirect(
      ["record", "check", "t1", "--cassette", file.path], credentials: .token, cassette: file)
    let interaction = try #require(cassette.interactions.first)
    #expect(interaction.response.status == 302)
    #expect(interaction.response.headers["Location"]?.hasSuffix("/landed") == true)
    #expect(interaction.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
  }
}
