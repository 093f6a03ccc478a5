import CloudProgress
import CloudSigning
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Simulator: authentication")
struct SimulatorAuthenticationTests {
  let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "t1")])

  @Test("IAM issues a token in X-Subject-Token for the right password only")
  func tokens() async throws {
    try await withSimulator(scenario) { simulator in
      let client = SimulatorClient(simulator: simulator)
      let (status, token) = try await client.token()
      #expect(status == 201)
      #expect(token?.hasPrefix("MII") == true)
      let (refused, none) = try await client.token(password: "wrong")
      #expect(refused == 401)
      #expect(none == nil)
      let (code, _, _) = try await client.send(try client.request(.check, id: "t1", token: token))
      #expect(code == 200)
    }
  }

  @Test(
    "a missing, unknown or expired token is refused with APIG.0301",
    arguments: [
      ("none", "no X-Auth-Token"), ("unknown", "Incorrect token"),
      ("expired", "The token expires."),
    ])
  func refusedTokens(kind: String, reason: String) async throws {
    let clock = ManualClock()
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var token: String?
      switch kind {
      case "unknown": token = "MIInot-issued"
      case "expired":
        token = try await client.token().1
        clock.advance(seconds: 24 * 3600 + 1)
      default: token = nil
      }
      let (status, data, response) = try await client.send(
        try client.request(.check, id: "t1", token: token))
      let error = cloudError(data, response)
      #expect(status == 401)
      #expect(error.code == "APIG.0301")
      #expect(error.isAuthenticationFailure)
      #expect(error.message.contains(reason))
      #expect(error.requestID?.count == 32)
    }
  }

  func signedRequest(
    _ simulator: CloudSimulator, secret: String = "tape-simulator-secret-key", at date: Date
  ) throws -> URLRequest {
    var request = try SimulatorClient(simulator: simulator).request(.check, id: "t1")
    let signer = SDKSigner(
      credentials: Credentials(accessKey: "TAPESIMULATORAK00001", secretKey: secret))
    try signer.sign(&request, at: date)
    return request
  }

  @Test("an AK/SK signature is verified; a wrong secret is APIG.0301, a skewed clock APIGW.0303")
  func accessKeys() async throws {
    let clock = ManualClock()
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      let (ok, _, _) = try await client.send(try signedRequest(simulator, at: clock.now))
      #expect(ok == 200)
      let (wrong, wrongBody, wrongResponse) = try await client.send(
        try signedRequest(simulator, secret: "not-the-secret", at: clock.now))
      #expect(wrong == 401)
      #expect(cloudError(wrongBody, wrongResponse).code == "APIG.0301")
      #expect(cloudError(wrongBody, wrongResponse).message.contains("verify aksk signature fail"))
      let (skewed, skewBody, skewResponse) = try await client.send(
        try signedRequest(simulator, at: clock.now.addingTimeInterval(-16 * 60)))
      #expect(skewed == 401)
      #expect(cloudError(skewBody, skewResponse).code == "APIGW.0303")
      let (close, _, _) = try await client.send(
        try signedRequest(simulator, at: clock.now.addingTimeInterval(-14 * 60)))
      #expect(close == 200)
    }
  }

  @Test("a garbage Authorization header is refused, not crashed on")
  func garbageAuthorization() async throws {
    try await withSimulator(scenario) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var request = try client.request(.check, id: "t1")
      request.setValue(
        "SDK-HMAC-SHA256 Access=, SignedHeaders=;;, Signature=zz",
        forHTTPHeaderField: "Authorization")
      let (status, data, response) = try await client.send(request)
      #expect(status == 401)
      #expect(cloudError(data, response).code == "APIG.0301")
    }
  }
}
