import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import SeededRandom
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Client: poll() against the simulator on a virtual clock")
struct PollingTests {
  /// A simulator and a client sharing one manual clock, with AK/SK credentials.
  func withClient<Result>(
    _ scenario: SimulatorScenario, credentials kind: CredentialKind = .accessKey,
    script: @escaping @Sendable (Int, URLRequest) throws -> (Data, HTTPURLResponse)? = { _, _ in
      nil
    },
    _ body: (ProgressClient, ManualClock, TransportLog) async throws -> Result
  ) async throws -> Result {
    let clock = ManualClock()
    return try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared, script: script)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: try await kind.credentials(for: simulator), transport: transport,
        clock: clock.clientClock)
      return try await body(client, clock, transport.log)
    }
  }

  @Test("poll ends at each terminal state", arguments: TerminalPolling.everyEnd)
  func terminalStates(_ expected: TerminalPolling) async throws {
    let id = expected.api == .cpts ? project : "task-1"
    let scenario = SimulatorScenario(tasks: [
      TaskScript(api: expected.api, id: id, outcome: expected.outcome, polls: 3)
    ])
    try await withClient(scenario) { client, clock, log in
      let snapshots = try await collect(
        client.poll(
          reference(expected.api, id: id), policy: quickPolicy, random: SplitMix64(seed: 1)))
      #expect(snapshots.map(\.phase) == expected.phases)
      #expect(log.count == expected.phases.count)
      #expect(clock.sleeps.count == expected.phases.count - 1)
    }
  }

  @Test("an unknown phase keeps polling and shows in the snapshot")
  func unknownPhase() async throws {
    let bodies = [#"{"status": 9}"#, #"{"status": 9}"#, #"{"status": 1}"#]
    let transport = ScriptedTransport(
      inner: URLSession.shared,
      script: { number, request in answer(request, status: 200, body: bodies[number - 1]) })
    let clock = ManualClock()
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret("t")), transport: transport, clock: clock.clientClock)
    let snapshots = try await collect(
      client.poll(
        .insight(taskID: "i", workspaceID: "w"), policy: quickPolicy, random: SplitMix64(seed: 1)))
    #expect(snapshots.map(\.phase) == [.unknown, .unknown, .succeeded])
    #expect(snapshots.first?.detail?.contains("undocumented") == true)
  }

  @Test("429 without Retry-After waits at least the throttle floor, then goes on")
  func throttledWithoutRetryAfter() async throws {
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "c", polls: 2)],
      rateLimit: .init(requests: 1, seconds: 10))
    let policy = PollingPolicy(initialInterval: .milliseconds(100), maximumInterval: .seconds(1))
    try await withClient(scenario) { client, clock, log in
      let snapshots = try await collect(
        client.poll(.check(taskID: "c"), policy: policy, random: SplitMix64(seed: 3)))
      #expect(snapshots.map(\.phase) == [.running, .succeeded])
      let statuses = log.entries.map { $0.split(separator: " ").last.map(String.init) ?? "" }
      #expect(statuses.first == "200")
      #expect(statuses.last == "200")
      #expect(statuses.contains("429"))
      // Every wait after a 429 is at least the 2 s floor; the first (after 200) is not.
      #expect(clock.sleeps.dropFirst().allSatisfy { $0 >= .seconds(2) })
      #expect(clock.sleeps.first! <= .milliseconds(100))
    }
  }

  @Test("429 with Retry-After waits exactly that long")
  func throttledWithRetryAfter() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 2)])
    let script: @Sendable (Int, URLRequest) -> (Data, HTTPURLResponse)? = { number, request in
      number == 2
        ? answer(
          request, status: 429,
          body:
            #"{"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached"}"#,
          headers: ["Retry-After": "7"]) : nil
    }
    try await withClient(scenario, script: script) { client, clock, log in
      var iterator = client.poll(
        .check(taskID: "c"), policy: quickPolicy, random: SplitMix64(seed: 3)
      )
      .makeAsyncIterator()
      #expect(try await iterator.next()?.phase == .running)
      let firstWait = try #require(iterator.nextPollIn)
      #expect(try await iterator.next()?.phase == .succeeded)
      #expect(try await iterator.next() == nil)
      #expect(clock.sleeps == [firstWait, .seconds(7)])
      #expect(log.count == 3)
    }
  }

  @Test("429 with an HTTP-date Retry-After waits until that date")
  func throttledUntilDate() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 2)])
    let clock = ManualClock()
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    let retryAt = formatter.string(from: clock.now.addingTimeInterval(12))
    let script: @Sendable (Int, URLRequest) -> (Data, HTTPURLResponse)? = { number, request in
      number == 1
        ? answer(
          request, status: 429, body: #"{"error_code":"APIG.0308","error_msg":"slow down"}"#,
          headers: ["Retry-After": retryAt]) : nil
    }
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared, script: script)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: .accessKey(
          SimulatorScenario.defaultAccessKey.accessKey,
          secret: SimulatorScenario.defaultAccessKey.secretKey),
        transport: transport, clock: clock.clientClock)
      var iterator = client.poll(.check(taskID: "c"), policy: quickPolicy).makeAsyncIterator()
      let first = try await iterator.next()
      #expect(first?.phase == .running)
      #expect(clock.sleeps == [.seconds(12)])
    }
  }

  @Test("5xx answers and a dropped connection are retried with backoff")
  func transientFailuresRetried() async throws {
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .drs, id: "d", polls: 2)],
      faults: [SimulatedFault(.internalError, api: .drs, request: 2)])
    let script: @Sendable (Int, URLRequest) throws -> (Data, HTTPURLResponse)? = { number, _ in
      if number == 3 { throw URLError(.networkConnectionLost) }
      return nil
    }
    try await withClient(scenario, script: script) { client, _, log in
      let snapshots = try await collect(
        client.poll(.drs(jobID: "d"), policy: quickPolicy, random: SplitMix64(seed: 5)))
      #expect(snapshots.map(\.phase) == [.running, .succeeded])
      #expect(
        log.entries.map { String($0.split(separator: " ").last!) } == [
          "200", "500", "error", "200",
        ])
    }
  }

  @Test("a 503 with Retry-After is retried after at least that long")
  func unavailableWithRetryAfter() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 1)])
    let script: @Sendable (Int, URLRequest) -> (Data, HTTPURLResponse)? = { number, request in
      number == 1
        ? answer(
          request, status: 503, body: #"{"error_code":"APIG.0202","error_msg":"busy"}"#,
          headers: ["Retry-After": "40"]) : nil
    }
    try await withClient(scenario, script: script) { client, clock, log in
      let snapshots = try await collect(
        client.poll(.check(taskID: "c"), policy: quickPolicy, random: SplitMix64(seed: 2)))
      #expect(snapshots.map(\.phase) == [.succeeded])
      #expect(clock.sleeps == [.seconds(40)])
      #expect(log.count == 2)
    }
  }

  @Test("retries stop at the limit")
  func retryLimit() async throws {
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .drs, id: "d", polls: 2)],
      faults: [SimulatedFault(.internalError, api: .drs)])
    try await withClient(scenario) { client, _, log in
      let error = await #expect(throws: ProgressClientError.self) {
        _ = try await collect(
          client.poll(.drs(jobID: "d"), policy: quickPolicy, random: SplitMix64(seed: 5)))
      }
      guard case .retriesExhausted(let attempts, let last) = error else {
        Issue.record("expected retriesExhausted, got \(String(describing: error))")
        return
      }
      #expect(attempts == 4)
      #expect(last.cloudError?.code == "SIM.0500")
      #expect(log.count == 4)
    }
  }

  @Test("a refused signature is never retried")
  func signatureFailureNotRetried() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 2)])
    let clock = ManualClock()
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let transport = ScriptedTransport(inner: URLSession.shared)
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: .accessKey(SimulatorScenario.defaultAccessKey.accessKey, secret: "wrong-sk"),
        transport: transport, clock: clock.clientClock)
      let error = await #expect(throws: ProgressClientError.self) {
        _ = try await collect(client.poll(.check(taskID: "c"), policy: quickPolicy))
      }
      #expect(error?.cloudError?.httpStatus == 401)
      #expect(error?.cloudError?.code == "APIG.0301")
      #expect(error?.cloudError?.message.contains("verify aksk signature fail") == true)
      #expect(transport.log.count == 1)
      #expect(clock.sleeps.isEmpty)
    }
  }

  @Test("a 403 is never retried")
  func forbiddenNotRetried() async throws {
    let transport = ScriptedTransport(
      inner: URLSession.shared,
      script: { _, request in
        answer(request, status: 403, body: #"{"error_code":"APIG.0302","error_msg":"denied"}"#)
      })
    let clock = ManualClock()
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret("t")), transport: transport, clock: clock.clientClock)
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await collect(client.poll(.check(taskID: "c"), policy: quickPolicy))
    }
    #expect(error?.cloudError?.httpStatus == 403)
    #expect(transport.log.count == 1)
    #expect(clock.sleeps.isEmpty)
  }

  @Test("the deadline ends polling with the last snapshot")
  func deadline() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 1000)])
    let policy = PollingPolicy(
      initialInterval: .seconds(4), maximumInterval: .seconds(4), deadline: .seconds(60))
    try await withClient(scenario) { client, clock, log in
      var seen = 0
      let error = await #expect(throws: ProgressClientError.self) {
        for try await _ in client.poll(
          .check(taskID: "c"), policy: policy, random: SplitMix64(seed: 9))
        {
          seen += 1
        }
      }
      guard case .deadlineExceeded(let after, let last) = error else {
        Issue.record("expected deadlineExceeded, got \(String(describing: error))")
        return
      }
      #expect(after == .seconds(60))
      #expect(last?.phase == .running)
      #expect(seen == log.count)
      let slept = clock.sleeps.reduce(Duration.zero, +)
      #expect(slept <= .seconds(60))
      #expect(slept > .seconds(56))
    }
  }

  @Test("cancelling the polling task stops it at the next wait")
  func cancellation() async throws {
    let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 1000)])
    try await withClient(scenario) { client, _, log in
      let polling = Task {
        var seen = 0
        for try await _ in client.poll(.check(taskID: "c"), policy: quickPolicy) {
          seen += 1
          if seen == 2 { withUnsafeCurrentTask { $0?.cancel() } }
        }
        return seen
      }
      let result = await polling.result
      #expect(throws: CancellationError.self) { try result.get() }
      #expect(log.count == 2)
    }
  }

  @Test("a fixed seed gives the same full-jitter schedule on a virtual clock")
  func backoffSchedule() async throws {
    let policy = PollingPolicy(
      initialInterval: .seconds(2), maximumInterval: .seconds(30), deadline: nil)
    var schedules: [[Duration]] = []
    for seed: UInt64 in [42, 42, 43] {
      let scenario = SimulatorScenario(tasks: [TaskScript(api: .check, id: "c", polls: 7)])
      let sleeps = try await withClient(scenario) { client, clock, _ in
        _ = try await collect(
          client.poll(.check(taskID: "c"), policy: policy, random: SplitMix64(seed: seed)))
        return clock.sleeps
      }
      schedules.append(sleeps)
    }
    #expect(schedules[0].count == 6)
    #expect(schedules[0] == schedules[1])
    #expect(schedules[0] != schedules[2])
    let ceilings = (0..<6).map { policy.ceiling(step: $0) }
    #expect(ceilings == [2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
    #expect(zip(schedules[0], ceilings).allSatisfy { $0 <= $1 && $0 >= .zero })
    // Jittered: not every wait is at its ceiling (the seed decides which, the same each run).
    #expect(zip(schedules[0], ceilings).contains { $0 < $1 })
  }
}
