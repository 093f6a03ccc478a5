import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Every way a credential could print, scanned for its exact bytes.
@Suite("Client: credentials never print")
struct CredentialRedactionTests {
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var credentials: CloudCredentials
    var secrets: [String]
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "token", credentials: .token(Secret("tok-MIIZ-7f3a91c2-secret")),
      secrets: ["tok-MIIZ-7f3a91c2-secret"]),
    Case(
      name: "password",
      credentials: .password(
        user: "user-5b7e-name", password: "pw-0c44-secret", domain: "dom-91aa"),
      secrets: ["user-5b7e-name", "pw-0c44-secret", "dom-91aa"]),
    Case(
      name: "permanent AK/SK",
      credentials: .accessKey("AK-3d9f-ACCESS", secret: "SK-e81b-SECRET-KEY"),
      secrets: ["AK-3d9f-ACCESS", "SK-e81b-SECRET-KEY"]),
    Case(
      name: "temporary AK/SK",
      credentials: .temporaryAccessKey(
        "AK-77c1-TEMP", secret: "SK-2f60-TEMP-SECRET", securityToken: "ST-9a0d-security-token"),
      secrets: ["AK-77c1-TEMP", "SK-2f60-TEMP-SECRET", "ST-9a0d-security-token"]),
  ]

  /// Everything a value prints through `print`, `debugPrint`, `dump` and string interpolation.
  static func renderings(of value: Any) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return [String(describing: value), String(reflecting: value), dumped, "\(value)"]
  }

  @Test("descriptions, mirrors, dumps and every error leave the secrets out", arguments: cases)
  func neverPrinted(_ testCase: Case) async throws {
    // The simulator knows none of these credentials: every call fails, with an error that
    // has to be printed safely too.
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c")])
    try await withSimulator(scenario) { simulator in
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: testCase.credentials)
      var output: [String] = []
      output += Self.renderings(of: testCase.credentials)
      output += Self.renderings(of: client)
      output += Self.renderings(of: [client.credentials])
      output += Self.renderings(of: Optional(client.credentials) as Any)
      output += testCase.secrets.flatMap { Self.renderings(of: [Secret($0)]) }
      output += Self.renderings(
        of: ClientConfiguration(
          endpoints: client.endpoints, projectID: project, credentials: testCase.credentials))
      var errors: [any Error] = []
      do {
        _ = try await client.checkTaskProgress(taskID: "c")
      } catch {
        errors.append(error)
      }
      do {
        _ = try await collect(client.poll(.check(taskID: "c"), policy: quickPolicy))
      } catch {
        errors.append(error)
      }
      #expect(errors.count == 2)
      for error in errors {
        output += Self.renderings(of: error)
        output.append(error.localizedDescription)
      }
      #expect(output.joined().contains("redacted"))
      for secret in testCase.secrets {
        // Counted, not shown: a failure message must not print the secret either.
        let leaks = output.filter { $0.contains(secret) }.count
        #expect(leaks == 0, "a secret of \(testCase.name) was printed")
      }
    }
  }

  @Test("the environment gives each credential kind, and names what is missing")
  func environment() throws {
    let base = [
      "HUAWEICLOUD_SDK_PROJECT_ID": project, "HUAWEICLOUD_SDK_REGION": "cn-north-4",
    ]
    let keys = try ClientConfiguration.fromEnvironment(
      base.merging([
        "HUAWEICLOUD_SDK_AK": "AK-1", "HUAWEICLOUD_SDK_SK": "SK-1",
        "HUAWEICLOUD_SDK_SECURITY_TOKEN": "ST-1",
      ]) { first, _ in first })
    #expect(
      keys.credentials
        == .accessKey(id: Secret("AK-1"), secret: Secret("SK-1"), securityToken: Secret("ST-1")))
    #expect(try keys.endpoints.baseURL(for: .drs).host == "drs.cn-north-4.myhuaweicloud.com")
    let token = try ClientConfiguration.fromEnvironment(
      base.merging(["HUAWEICLOUD_SDK_AUTH_TOKEN": "T-1"]) { first, _ in first })
    #expect(token.credentials == .token(Secret("T-1")))
    let password = try ClientConfiguration.fromEnvironment(
      base.merging([
        "HUAWEICLOUD_SDK_USERNAME": "u", "HUAWEICLOUD_SDK_PASSWORD": "p",
        "HUAWEICLOUD_SDK_DOMAIN": "d",
      ]) { first, _ in first })
    #expect(password.credentials == .password(user: "u", password: "p", domain: "d"))
    // An explicit region wins over the environment's endpoint.
    let regional = try ClientConfiguration.fromEnvironment(
      base.merging([
        "HUAWEICLOUD_SDK_ENDPOINT": "http://127.0.0.1:9", "HUAWEICLOUD_SDK_AUTH_TOKEN": "T",
      ]) {
        first, _ in first
      }, region: "cn-east-3")
    #expect(
      try regional.endpoints.baseURL(for: .check).host
        == "codearts-check.cn-east-3.myhuaweicloud.com")
    let fromEnvironment = try ClientConfiguration.fromEnvironment(
      base.merging([
        "HUAWEICLOUD_SDK_ENDPOINT": "http://127.0.0.1:9", "HUAWEICLOUD_SDK_AUTH_TOKEN": "T",
      ]) {
        first, _ in first
      })
    #expect(
      try fromEnvironment.endpoints.baseURL(for: .check).absoluteString == "http://127.0.0.1:9")
    let error = #expect(throws: ProgressClientError.self) {
      _ = try ClientConfiguration.fromEnvironment([:])
    }
    #expect(
      error?.description
        == "configuration: set HUAWEICLOUD_SDK_REGION (or HUAWEICLOUD_SDK_ENDPOINT), "
        + "HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK "
        + "(or HUAWEICLOUD_SDK_AUTH_TOKEN)")
  }
}
