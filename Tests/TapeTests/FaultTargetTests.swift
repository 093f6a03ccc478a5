import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Faults keyed by request")
struct FaultTargetTests {
  let poll = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"
  let token = "https://iam.myhuaweicloud.com/v3/auth/tokens"

  /// Three polls, as first recorded.
  func firstRecording() throws -> [Interaction] {
    try ["0%", "50%", "100%"].map { try exchange(poll, json: #"{"ratio": "\#($0)"}"#) }
  }

  /// The same polls re-recorded: a token request came first, and the first answer twice.
  func reRecording() throws -> [Interaction] {
    [try exchange(token, method: "POST", requestBody: "{}", json: "{}")]
      + (try ["0%", "0%", "50%", "100%"].map { try exchange(poll, json: #"{"ratio": "\#($0)"}"#) })
  }

  /// The statuses of `count` polls under `faults`.
  func statuses(
    _ interactions: [Interaction], _ faults: [FaultTarget: FaultOverlay], polls count: Int
  )
    async throws -> [Int]
  {
    let tape = try player(interactions, ReplayConfiguration(faults: faults))
    var statuses: [Int] = []
    for _ in 0..<count {
      statuses.append(try await tape.transport.send(request(poll)).1.statusCode)
    }
    return statuses
  }

  @Test("a fault naming a request hits the same poll after a re-record; an index moves")
  func survivesReRecord() async throws {
    let third: [FaultTarget: FaultOverlay] = [
      .request("GET", path: "/v2/tasks/*/progress"): FaultOverlay.status(503).onPlay(3)
    ]
    #expect(try await statuses(firstRecording(), third, polls: 3) == [200, 200, 503])
    #expect(try await statuses(reRecording(), third, polls: 4) == [200, 200, 503, 200])
    // The index form names an interaction, which a re-record moves: #2 was the third poll,
    // and is the second one now.
    #expect(try await statuses(firstRecording(), [2: .status(503)], polls: 3) == [200, 200, 503])
    #expect(
      try await statuses(reRecording(), [2: .status(503)], polls: 4) == [200, 503, 200, 200])
  }

  @Test("without a play number a request fault hits every matching request")
  func everyPlay() async throws {
    let all: [FaultTarget: FaultOverlay] = [
      .request("*", path: "/v2/tasks/*/progress"): .status(500)
    ]
    #expect(try await statuses(firstRecording(), all, polls: 4) == [500, 500, 500, 500])
  }

  @Test("an index fault wins over a request fault on the same interaction")
  func indexFirst() async throws {
    let faults: [FaultTarget: FaultOverlay] = [
      .request("GET", path: "/v2/tasks/t1/progress"): .status(500), 1: .status(429),
    ]
    #expect(try await statuses(firstRecording(), faults, polls: 3) == [500, 429, 500])
  }

  @Test(
    "patterns: literal or * segments, percent-decoded; the method or *; the query ignored",
    arguments: [
      ("GET", "/v2/tasks/*/progress", true), ("get", "/v2/tasks/t1/progress", true),
      ("*", "/v2/*/t1/*", true), ("POST", "/v2/tasks/*/progress", false),
      ("GET", "/v2/tasks/*", false), ("GET", "/v2/tasks/*/progress/*", false),
      ("GET", "/v2/tasks/t%31/progress", true), ("GET", "/v2/tasks/t2/progress", false),
    ])
  func patterns(method: String, path: String, matches: Bool) async throws {
    let interactions = [try exchange("\(poll)?offset=0", json: "{}")]
    let faults: [FaultTarget: FaultOverlay] = [.request(method, path: path): .status(500)]
    if matches {
      let tape = try player(interactions, ReplayConfiguration(faults: faults))
      #expect(try await tape.transport.send(request("\(poll)?offset=0")).1.statusCode == 500)
    } else {
      #expect(throws: CassetteError.self) {
        try player(interactions, ReplayConfiguration(faults: faults))
      }
    }
  }

  @Test("a fault that names nothing in the cassette is refused, saying what the cassette has")
  func namesNothing() throws {
    let typo = #expect(throws: CassetteError.self) {
      try player(
        firstRecording(),
        ReplayConfiguration(faults: [.request("GET", path: "/v2/tasks/*/progres"): .status(503)]))
    }
    #expect(
      typo?.description
        == "memory.json: the fault for GET /v2/tasks/*/progres matches no recorded request; "
        + "the cassette's requests are GET /v2/tasks/t1/progress (#0, #1, #2)")
    let index = #expect(throws: CassetteError.self) {
      try player(firstRecording(), ReplayConfiguration(faults: [7: .status(503)]))
    }
    #expect(
      index?.description
        == "memory.json: the fault for interaction #7 names no interaction: the cassette has "
        + "#0...#2")
  }
}
