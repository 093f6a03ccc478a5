import CloudProgress
import CloudSimulator
import Foundation
import SimulatorTestSupport
import Testing

/// Scenario files are read as strictly as cassettes: one clear error with the JSON path (or
/// line and column), never a crash later.
@Suite("Scenario validation")
struct ScenarioValidationTests {
  private static func task(_ fields: String) -> String {
    #"{"tasks": [{"api": "check", "id": "t1"\#(fields)}]}"#
  }

  @Test(
    "every bad scenario is refused with its path and reason",
    arguments: [
      (
        task(#", "polls": 0"#),
        "at /tasks/0/polls: 0 is out of range; expected a whole number from 1 to 1000000"
      ),
      (task(#", "polls": -3"#), "at /tasks/0/polls: -3 is out of range"),
      (task(#", "polls": 2.5"#), "at /tasks/0/polls: 2.5 is out of range"),
      (task(#", "polls": 1e30"#), "at /tasks/0/polls: 1e30 is out of range"),
      (
        task(#", "seconds": -1"#),
        "at /tasks/0/seconds: -1 is out of range; expected a number of seconds above 0"
      ),
      (
        task(#", "polls": 2, "seconds": 5"#),
        "at /tasks/0/seconds: give either 'polls' or 'seconds', not both"
      ),
      (
        task(#", "percents": [0, 50, 20, 100]"#),
        "at /tasks/0/percents/2: 20 is below the poll before (50); a task's percent never goes down"
      ),
      (
        task(#", "percents": [0, 101]"#),
        "at /tasks/0/percents/1: expected a whole number from 0 to 100, found 101"
      ),
      (
        task(#", "percents": [0, "50%"]"#),
        "at /tasks/0/percents/1: expected a whole number from 0 to 100, found string"
      ),
      (task(#", "percents": []"#), "at /tasks/0/percents: expected from 1 to 1000000 percents"),
      (
        task(#", "polls": 3, "percents": [0, 100]"#),
        "at /tasks/0/polls: give either 'percents' or 'polls', not both"
      ),
      (
        task(#", "bodyOverrides": [1]"#),
        "at /tasks/0/bodyOverrides: expected an object of members to lay over every answer, found array"
      ),
      (
        task(#", "outcome": "win""#),
        "at /tasks/0/outcome: unknown outcome 'win'; expected one of succeed, fail, partial, stop, timeOut"
      ),
      (
        task(#", "colour": "red""#),
        "at /tasks/0/colour: unknown key 'colour'; expected one of api, id, outcome, polls, seconds, percents, bodyOverrides"
      ),
      (
        task(#", "polls": "3""#),
        "at /tasks/0/polls: expected a whole number from 1 to 1000000, found string"
      ),
      (#"{"tasks": [{"api": "check", "id": ""}]}"#, "at /tasks/0/id: 'id' is empty"),
      (#"{"tasks": [{"api": "check", "id": "a/b"}]}"#, "at /tasks/0/id: id 'a/b' holds '/', '..'"),
      (#"{"tasks": [{"api": "check", "id": ".."}]}"#, "at /tasks/0/id: id '..' holds '/', '..'"),
      (
        #"{"tasks": [{"api": "s3", "id": "x"}]}"#,
        "at /tasks/0/api: unknown api 's3'; expected one of cpts, insight, quality, drs, check"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}, {"api": "check", "id": "t"}]}"#,
        "at /tasks/1/id: task 'check' 't' is already /tasks/0"
      ),
      (#"{"tasks": []}"#, "at /tasks: no tasks"),
      (#"{"faults": []}"#, "at (root): missing key 'tasks'"),
      (
        #"{"tasks": [], "task": 1}"#,
        "at /task: unknown key 'task'; expected one of tasks, requiresAuthentication"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t", "id": "u"}]}"#,
        "at /tasks/0/id: key 'id' appears twice"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "tokenLifetimeSeconds": -5}"#,
        "at /tokenLifetimeSeconds: -5 is out of range"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "tokenLifetimeSeconds": 0}"#,
        "at /tokenLifetimeSeconds: 0 is out of range"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "rateLimit": {"requests": 0, "seconds": 1}}"#,
        "at /rateLimit/requests: 0 is out of range"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "rateLimit": {"requests": 5, "seconds": 0}}"#,
        "at /rateLimit/seconds: 0 is out of range"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "faults": [{"kind": "slow", "delaySeconds": 1e300}]}"#,
        "at /faults/0/delaySeconds: 1e300 is out of range; expected a number of seconds from 0 to 3600"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "faults": [{"kind": "boom"}]}"#,
        "at /faults/0/kind: unknown fault kind 'boom'; expected one of internalError"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "faults": [{"kind": "slow", "request": 0}]}"#,
        "at /faults/0/request: 0 is out of range"
      ),
      (
        #"{"tasks": [{"api": "check", "id": "t"}], "accounts": [{"user": "a"}]}"#,
        "at /accounts/0: missing key 'password'"
      ),
      (
        "{\n  \"tasks\": [\n    {\"api\": \"check\",, }\n  ]\n}",
        "line 3, column 21: not valid JSON: expected a member name"
      ),
    ])
  func refusals(json: String, message: String) {
    do {
      _ = try SimulatorScenario.decode(Data(json.utf8))
      Issue.record("accepted \(json)")
    } catch {
      #expect(error.description.hasPrefix(message), "\(error.description)")
    }
  }

  @Test("a complete valid scenario reads into what it says")
  func accepted() throws {
    let scenario = try SimulatorScenario.decode(
      Data(
        #"""
        {"tasks": [{"api": "check", "id": "t1", "outcome": "stop", "polls": 5},
                   {"api": "quality", "id": "r1", "outcome": "timeOut", "seconds": 60},
                   {"api": "drs", "id": "t1"}],
         "requiresAuthentication": true, "accounts": [{"user": "alice", "password": "secret"}],
         "accessKeys": [{"accessKey": "AK1", "secretKey": "SK1"}], "tokenLifetimeSeconds": 86400,
         "rateLimit": {"requests": 40, "seconds": 10},
         "faults": [{"kind": "internalError", "api": "check", "request": 2},
                    {"kind": "slow", "delaySeconds": 2}]}
        """#.utf8))
    #expect(scenario.tasks.map(\.id) == ["t1", "r1", "t1"])
    #expect(scenario.tasks[0].polls == 5)
    #expect(scenario.tasks[1].seconds == 60)
    #expect(scenario.rateLimit == SimulatorScenario.RateLimit(requests: 40, seconds: 10))
    #expect(scenario.tokenLifetimeSeconds == 86400)
    #expect(
      scenario.faults == [
        SimulatedFault(.internalError, api: .check, request: 2),
        SimulatedFault(.slow, delaySeconds: 2),
      ])
  }

  @Test("a slow fault built in code with a huge delay waits an hour at most, never traps")
  func hugeDelayInCode() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .check, id: "t")], requiresAuthentication: false,
      faults: [SimulatedFault(.slow, delaySeconds: 1e300)])
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      let (status, _, _) = try await client.send(try client.request(.check, id: "t"))
      #expect(status == 200)
      #expect(clock.sleeps == [.seconds(3600)])
    }
  }

  @Test("Insight's create_date stays the creation time; update_date follows the polls")
  func insightCreationTime() async throws {
    let clock = ManualClock()
    let scenario = SimulatorScenario(
      tasks: [TaskScript(api: .insight, id: "i", polls: 3)], requiresAuthentication: false)
    try await withSimulator(scenario, clock: clock.simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var dates: [(Int64?, Int64?)] = []
      for _ in 0..<3 {
        let (_, data, _) = try await client.send(try client.request(.insight, id: "i"))
        let task = try JSONDecoder().decode(InsightImportTask.self, from: data)
        dates.append((task.createDate?.milliseconds, task.updateDate?.milliseconds))
        clock.advance(seconds: 7)
      }
      let first = try #require(dates[0].0)
      #expect(dates.map(\.0) == [first, first, first])
      #expect(dates.map(\.1) == [first, first + 7000, first + 14000])
    }
  }

  @Test("percents script each poll; bodyOverrides lay documented traps over every answer")
  func percentsAndOverrides() async throws {
    let scenario = try SimulatorScenario.decode(
      Data(
        #"""
        {"requiresAuthentication": false,
         "tasks": [{"api": "check", "id": "c", "percents": [0, 0, 30, 100]},
                   {"api": "insight", "id": "i", "polls": 2,
                    "bodyOverrides": {"create_date": 9223372036854776000, "extra": [1]}}]}
        """#.utf8))
    #expect(scenario.tasks[0].polls == 4)
    try await withSimulator(scenario, clock: ManualClock().simulatorClock) { simulator in
      let client = SimulatorClient(simulator: simulator)
      var ratios: [Double?] = []
      for _ in 0..<5 {
        let (_, data, _) = try await client.send(try client.request(.check, id: "c"))
        ratios.append(
          try JSONDecoder().decode(CheckTaskProgress.self, from: data).progress?.ratio?.value)
      }
      #expect(ratios == [0, 0, 30, 100, 100])
      let (_, data, _) = try await client.send(try client.request(.insight, id: "i"))
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains(#""create_date":9223372036854776000,"#))
      #expect(text.hasSuffix(#","extra":[1]}"#))
      #expect(text.components(separatedBy: "create_date").count == 2)
    }
  }
}
