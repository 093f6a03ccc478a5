// swift-format-ignore-file: OrderedImports
// The README's simulator example, as the README shows it (imports included), compiled and
// run; `ReadmeExampleTests` checks that every README block appears in a file like this one.

import CloudProgress
import CloudSimulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test func pollsTheSimulatorToAFailure() async throws {
  let simulator = try CloudSimulator.start(
    scenario: SimulatorScenario(
      tasks: [TaskScript(api: .drs, id: "job-1", outcome: .fail, polls: 2)],
      requiresAuthentication: false))
  let url = try CloudAPI.drs.operation.url(
    baseURL: simulator.baseURL, pathParameters: ["project_id": "p1", "job_id": "job-1"])
  var phases: [TaskProgress.Phase] = []
  for _ in 0..<2 {
    let (data, _) = try await URLSession.shared.data(from: url)
    phases.append(try CloudAPI.drs.decodeResponse(from: data).taskProgress.phase)
  }
  await simulator.stop()
  #expect(phases == [.running, .failed])
}

import JSONTree

@Suite("README examples: simulator")
struct SimulatorReadmeExampleTests {
  @Test("the scenario file of docs/simulator.md decodes into what it says")
  func readmeScenario() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(
      contentsOf: root.appending(path: "docs/simulator.md"), encoding: .utf8)
    let block = try #require(
      readme.components(separatedBy: "```json\n").dropFirst().first?.components(
        separatedBy: "\n```"
      ).first)
    let scenario = try SimulatorScenario.decode(Data(block.utf8))
    #expect(scenario.tasks.map(\.api) == ["check", "quality", "insight"])
    #expect(scenario.tasks[0].percents == [0, 0, 50, 100])
    #expect(scenario.tasks[1].seconds == 60)
    #expect(
      scenario.tasks[2].bodyOverrides
        == .object([JSONMember("create_date", .number("9223372036854776000"))]))
    #expect(scenario.rateLimit == SimulatorScenario.RateLimit(requests: 40, seconds: 10))
    #expect(
      scenario.faults == [
        SimulatedFault(.internalError, api: .check, request: 2),
        SimulatedFault(.slow, delaySeconds: 2),
      ])
    #expect(scenario.accounts == [SimulatorScenario.Account(user: "alice", password: "secret")])
  }
}
