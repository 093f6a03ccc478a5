import CloudProgress
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

@Suite("Simulator: polling every API to every terminal state")
struct SimulatorPollingTests {
  @Test(
    "a polling loop reaches the scripted terminal state, then it sticks",
    arguments: TerminalPolling.everyEnd)
  func pollsToTerminal(_ expected: TerminalPolling) async throws {
    let scenario = SimulatorScenario(tasks: [
      TaskScript(api: expected.api, id: "task-1", outcome: expected.outcome, polls: 3)
    ])
    try await withSimulator(scenario) { simulator in
      let client = SimulatorClient(simulator: simulator)
      let (status, token) = try await client.token()
      #expect(status == 201)
      var phases: [TaskProgress.Phase] = []
      var percents: [Double?] = []
      repeat {
        let (code, data, _) = try await client.send(
          try client.request(expected.api, id: "task-1", token: token))
        #expect(code == 200)
        let progress = try expected.api.decodeResponse(from: data).taskProgress
        phases.append(progress.phase)
        percents.append(progress.percent)
      } while phases.last?.isTerminal == false && phases.count < 10
      #expect(phases == expected.phases)
      let (_, again, _) = try await client.send(
        try client.request(expected.api, id: "task-1", token: token))
      #expect(
        try expected.api.decodeResponse(from: again).taskProgress.phase == expected.phases.last)
      #expect(percents.compactMap { $0 }.allSatisfy { (0...100).contains($0) })
    }
  }

  @Test("Check sends ratio 0% to 100%, and a null ratio once failed")
  func checkRatios() async throws {
    let scenario = SimulatorScenario(
      tasks: [
        TaskScript(api: .check, id: "ok", polls: 5),
        TaskScript(api: .check, id: "bad", outcome: .fail, polls: 1),
      ],
      requiresAuthentication: false)
    try await withSimulator(scenario) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var ratios: [String] = []
      for _ in 0..<5 {
        let (_, data, _) = try await client.send(try client.request(.check, id: "ok"))
        let answer = try JSONDecoder().decode(CheckTaskProgress.self, from: data)
        ratios.append(answer.progress?.ratio?.wireValue.stringValue ?? "null")
      }
      #expect(ratios == ["0%", "25%", "50%", "75%", "100%"])
      let (_, failed, _) = try await client.send(try client.request(.check, id: "bad"))
      #expect(
        String(decoding: failed, as: UTF8.self)
          == #"{"task_status":1,"progress":{"ratio":null,"info":null}}"#)
    }
  }

  @Test("a timed task progresses with the clock, not the poll count")
  func timedTask() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .insight, id: "t", seconds: 60)], requiresAuthentication: false)
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      func phase() async throws -> TaskProgress.Phase {
        let (_, data, _) = try await client.send(try client.request(.insight, id: "t"))
        return try CloudAPI.insight.decodeResponse(from: data).taskProgress.phase
      }
      var phases = [try await phase(), try await phase()]
      clock.advance(seconds: 30)
      phases.append(try await phase())
      clock.advance(seconds: 30)
      phases.append(try await phase())
      #expect(phases == [.queued, .queued, .running, .succeeded])
    }
  }
}
