import CloudProgress
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Simulator: errors, limits and faults")
struct SimulatorErrorTests {
  @Test(
    "unknown ids answer each API's documented 4xx body",
    arguments: [
      (CloudAPI.insight, 404, "24010003"), (.quality, 400, "DQC.0002"), (.drs, 400, "DRS.10000010"),
      (.check, 400, "CC.00000001"),
    ])
  func unknownIDs(api: CloudAPI, status: Int, code: String) async throws {
    try await withSimulator(SimulatorScenario(tasks: [], requiresAuthentication: false)) {
      simulator in
      let client = SimulatorClient(simulator: simulator)
      let (answer, data, response) = try await client.send(try client.request(api, id: "nope"))
      #expect(answer == status)
      let error = cloudError(data, response)
      #expect(error.code == code)
      #expect(error.source == .errorCodeAndMessage)
    }
  }

  @Test("CPTS answers an unknown project with its documented 501 bare string")
  func perfTestUnknownProject() async throws {
    try await withSimulator(SimulatorScenario(tasks: [], requiresAuthentication: false)) {
      simulator in
      let client = SimulatorClient(simulator: simulator)
      let (status, data, response) = try await client.send(try client.request(.cpts, id: "nope"))
      #expect(status == 501)
      #expect(cloudError(data, response).message == "unknown error")
      #expect(response.value(forHTTPHeaderField: "X-Request-Id") != nil)
    }
  }

  @Test("required headers: X-Workspace-Id for Insight, workspace for Quality")
  func requiredHeaders() async throws {
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .insight, id: "t"), TaskScript(api: .quality, id: "r")],
      requiresAuthentication: false)
    try await withSimulator(scenario) { simulator in
      let client = SimulatorClient(simulator: simulator)
      for (api, id, header, code) in [
        (CloudAPI.insight, "t", "X-Workspace-Id", "24010043"),
        (.quality, "r", "workspace", "DQC.0001"),
      ] {
        var request = try client.request(api, id: id)
        request.setValue(nil, forHTTPHeaderField: header)
        let (status, data, response) = try await client.send(request)
        #expect(status == 400)
        #expect(cloudError(data, response).code == code)
        #expect(cloudError(data, response).message == "The request header \(header) is missing.")
      }
    }
  }

  @Test("beyond the rate limit the gateway answers 429 APIG.0308 until the window passes")
  func rateLimit() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "t")], requiresAuthentication: false,
      rateLimit: .init(requests: 3, seconds: 10))
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var statuses: [Int] = []
      for _ in 0..<5 {
        statuses.append(try await client.send(try client.request(.check, id: "t")).0)
      }
      #expect(statuses == [200, 200, 200, 429, 429])
      let (_, data, response) = try await client.send(try client.request(.check, id: "t"))
      let error = cloudError(data, response)
      #expect(error.isThrottled)
      #expect(error.code == "APIG.0308")
      clock.advance(seconds: 10)
      #expect(try await client.send(try client.request(.check, id: "t")).0 == 200)
    }
  }

  @Test("injected faults: a 500 that does not advance the task, a 501 text body, a slow answer")
  func faults() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "t", polls: 3), TaskScript(api: .cpts, id: "p")],
      requiresAuthentication: false,
      faults: [
        SimulatedFault(.internalError, api: .check, request: 2),
        SimulatedFault(.notImplementedText, api: .cpts),
        SimulatedFault(.slow, api: .check, request: 3, delaySeconds: 2.5),
      ])
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var statuses: [Int] = []
      var ratios: [String] = []
      for _ in 0..<4 {
        let (status, data, _) = try await client.send(try client.request(.check, id: "t"))
        statuses.append(status)
        if status == 200 {
          ratios.append(
            try JSONDecoder().decode(CheckTaskProgress.self, from: data).progress?.ratio?.wireValue
              .stringValue ?? "")
        }
      }
      #expect(statuses == [200, 500, 200, 200])
      #expect(ratios == ["0%", "50%", "100%"])
      #expect(clock.sleeps == [.milliseconds(2500)])
      let (status, data, response) = try await client.send(try client.request(.cpts, id: "p"))
      #expect(status == 501)
      #expect(cloudError(data, response).message == "unknown error")
      #expect(String(decoding: data, as: UTF8.self) == "unknown error")
    }
  }

  @Test("every answer carries a distinct X-Request-Id; unknown routes answer APIG.0101")
  func requestIDs() async throws {
    try await withSimulator(SimulatorScenario(tasks: [TaskScript(api: .drs, id: "j")])) {
      simulator in
      let client = SimulatorClient(simulator: simulator)
      var ids: [String] = []
      for request in [
        try client.request(.drs, id: "j"),
        URLRequest(url: simulator.baseURL.appending(path: "v9/nowhere")),
      ] {
        let (_, data, response) = try await client.send(request)
        ids.append(try #require(response.value(forHTTPHeaderField: "X-Request-Id")))
        if request.url?.path == "/v9/nowhere" {
          #expect(response.statusCode == 404)
          #expect(cloudError(data, response).code == "APIG.0101")
        }
      }
      let (_, _, tokenResponse) = try await client.send(try client.request(.drs, id: "j"))
      ids.append(try #require(tokenResponse.value(forHTTPHeaderField: "X-Request-Id")))
      #expect(Set(ids).count == 3)
    }
  }

  @Test("a request the HTTP layer refuses is answered in the gateway's shape, with a request id")
  func protocolRejection() async throws {
    try await withSimulator(.standard) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var request = try client.request(.check, id: "2b31ed520xxxxxxebedb6e57xxxxxxxx")
      request.setValue("bad\u{7F}value", forHTTPHeaderField: "X-Language")
      let (status, data, response) = try await client.send(request)
      #expect(status == 400)
      let error = cloudError(data, response)
      #expect(error.code == "APIG.0201")
      #expect(error.message == "Request error: a field value holds a control byte")
      #expect(error.requestID?.count == 32)
    }
  }

  @Test("a scenario file with an unknown API is refused with the path")
  func scenarioValidation() throws {
    let error = #expect(throws: ScenarioError.self) {
      try SimulatorScenario.decode(
        Data(#"{"tasks": [{"api": "s3", "id": "x", "outcome": "succeed", "polls": 2}]}"#.utf8))
    }
    #expect(error?.pointer.description == "/tasks/0/api")
    #expect(error?.reason.hasPrefix("unknown api 's3'") == true)
    let minimal = try SimulatorScenario.decode(
      Data(#"{"tasks": [{"api": "drs", "id": "j", "outcome": "fail", "polls": 2}]}"#.utf8))
    #expect(minimal.requiresAuthentication)
    #expect(minimal.accounts == [SimulatorScenario.defaultAccount])
  }
}
