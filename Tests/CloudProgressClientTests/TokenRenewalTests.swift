import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Client: password tokens are renewed")
struct TokenRenewalTests {
  @Test("a token is renewed before it expires, without a 401")
  func renewedBeforeExpiry() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "c", polls: 6)], tokenLifetimeSeconds: 60)
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await CredentialKind.password.credentials(for: simulator),
        transport: transport, clock: clock.clientClock)
      #expect(try await client.checkTaskProgress(taskID: "c").taskProgress.phase == .running)
      clock.advance(seconds: 25)  // before half-life (30 s): the same token
      #expect(try await client.checkTaskProgress(taskID: "c").taskProgress.phase == .running)
      #expect(await client.issuedTokenCount == 1)
      clock.advance(seconds: 10)  // past half-life, still valid: renewed ahead of expiry
      #expect(try await client.checkTaskProgress(taskID: "c").taskProgress.phase == .running)
      #expect(await client.issuedTokenCount == 2)
      #expect(!transport.log.entries.contains { $0.hasSuffix(" 401") })
    }
  }

  @Test("a 401 saying the token expired renews it once and repeats the request")
  func renewedOnExpiredAnswer() async throws {
    let clientClock = ManualClock()
    let serverClock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "c", polls: 2)], tokenLifetimeSeconds: 3600)
    try await withSimulator(scenario, clock: serverClock.simulatorClock) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await CredentialKind.password.credentials(for: simulator),
        transport: transport, clock: clientClock.clientClock)
      #expect(try await client.checkTaskProgress(taskID: "c").taskProgress.phase == .running)
      serverClock.advance(seconds: 7200)  // the server sees the token expire; the client does not
      #expect(try await client.checkTaskProgress(taskID: "c").taskProgress.phase == .succeeded)
      #expect(await client.issuedTokenCount == 2)
      #expect(
        transport.log.entries == [
          "/v3/auth/tokens 201", "/v2/tasks/c/progress 200", "/v2/tasks/c/progress 401",
          "/v3/auth/tokens 201", "/v2/tasks/c/progress 200",
        ])
    }
  }

  @Test("a plain token that expired is not renewed: the 401 is thrown")
  func plainTokenNotRenewed() async throws {
    let serverClock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "c", polls: 2)], tokenLifetimeSeconds: 60)
    try await withSimulator(scenario, clock: serverClock.simulatorClock) { simulator in
      let token = try await issueToken(simulator)
      serverClock.advance(seconds: 120)
      let transport = ScriptedTransport(inner: URLSession.shared)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: .token(Secret(token)), transport: transport)
      let error = await #expect(throws: ProgressClientError.self) {
        _ = try await client.checkTaskProgress(taskID: "c")
      }
      #expect(error?.cloudError?.message.contains("The token expires.") == true)
      #expect(transport.log.count == 1)
    }
  }

  @Test("wrong password: the IAM error is thrown")
  func wrongPassword() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c")])
    try await withSimulator(scenario) { simulator in
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: .password(user: "tape", password: "not-it", domain: "tape"))
      let error = await #expect(throws: ProgressClientError.self) {
        _ = try await client.checkTaskProgress(taskID: "c")
      }
      guard case .identity(let cloud) = error else {
        Issue.record("expected identity, got \(String(describing: error))")
        return
      }
      #expect(cloud.httpStatus == 401)
      #expect(cloud.message == "The username or password is wrong.")
    }
  }
}

@Suite("Client: password tokens are shared")
struct TokenSharingTests {
  @Test("concurrent first calls share one token request")
  func oneTokenForConcurrentCalls() async throws {
    let scenario = SimulatorScenario(
      tasks: (0..<8).map { TaskScript(api: .check, id: "c\($0)", polls: 2) })
    try await withSimulator(scenario) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await CredentialKind.password.credentials(for: simulator),
        transport: transport)
      let phases = try await withThrowingTaskGroup(of: TaskProgress.Phase.self) { group in
        for index in 0..<8 {
          group.addTask {
            try await client.checkTaskProgress(taskID: "c\(index)").taskProgress.phase
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(phases == Array(repeating: .running, count: 8))
      #expect(await client.issuedTokenCount == 1)
      #expect(transport.log.entries.filter { $0.hasPrefix("/v3/auth/tokens") }.count == 1)
    }
  }
}
