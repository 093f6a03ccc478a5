import CloudProgress
import Foundation
import HTTPTransportCore
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Polls a replayed endpoint `count` times and normalizes each answer.
func poll(
  _ api: CloudAPI, url: String, headers: [String: String] = [:], times count: Int,
  through transport: any HTTPTransport
) async throws -> [TaskProgress] {
  var snapshots: [TaskProgress] = []
  for _ in 0..<count {
    let (data, response) = try await transport.send(request(url, headers: headers))
    #expect(response.statusCode == 200)
    snapshots.append(try api.decodeResponse(from: data).taskProgress)
  }
  return snapshots
}

@Suite("Polling replay of the five recorded cassettes")
struct PollingReplayTests {
  let project = "0123456789abcdef0123456789abcdef"

  @Test(.cassette("check-task-polling", unusedInteractions: .fail))
  func check() async throws {
    let tape = try #require(CassettePlayer.current)
    let snapshots = try await poll(
      .check,
      url:
        "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress",
      times: 5, through: tape.makeURLSession())
    #expect(snapshots.map(\.phase) == [.running, .running, .running, .succeeded, .succeeded])
    #expect(snapshots.map(\.percent) == [0, 0, 50, 100, 100])
    #expect(snapshots.map(\.isTerminal) == [false, false, false, true, true])
  }

  @Test(.cassette("cpts-import-polling", unusedInteractions: .fail))
  func perfTest() async throws {
    let tape = try #require(CassettePlayer.current)
    let snapshots = try await poll(
      .cpts,
      url: "https://cpts.cn-north-4.myhuaweicloud.com/v1/\(project)/test-suites/upload/processes",
      times: 3, through: tape.transport)
    #expect(snapshots.map(\.phase) == [.running, .running, .succeeded])
    #expect(snapshots.map(\.percent) == [0, 50, 100])
  }

  @Test(.cassette("insight-import-polling", unusedInteractions: .fail))
  func insight() async throws {
    let tape = try #require(CassettePlayer.current)
    let url =
      "https://dataartsinsight.cn-north-4.myhuaweicloud.com/v1/\(project)/resource-package/import-tasks/2406a337-xxxx-a5b2-b01a61d2043b"
    let snapshots = try await poll(.insight, url: url, times: 3, through: tape.makeURLSession())
    #expect(snapshots.map(\.phase) == [.queued, .running, .succeeded])
    let (data, _) = try await tape.transport.send(request(url))
    let task = try JSONDecoder().decode(InsightImportTask.self, from: data)
    #expect(task.createDate?.wireValue.description == "9223372036854776000")
    #expect(String(decoding: data, as: UTF8.self).contains("\"create_date\":9223372036854776000"))
  }

  @Test(.cassette("quality-export-polling", unusedInteractions: .fail))
  func quality() async throws {
    let tape = try #require(CassettePlayer.current)
    let url =
      "https://dayu.cn-north-4.myhuaweicloud.com/v2/\(project)/quality/resource/status/9f8e7d6c-0000-4000-8000-000000000002"
    let snapshots = try await poll(.quality, url: url, times: 4, through: tape.transport)
    #expect(snapshots.map(\.phase) == [.queued, .running, .running, .succeeded])
    #expect(snapshots.map(\.isTerminal) == [false, false, false, true])
  }

  @Test(.cassette("drs-template-progress", unusedInteractions: .fail))
  func drs() async throws {
    let tape = try #require(CassettePlayer.current)
    let jobs = "https://drs.cn-north-4.myhuaweicloud.com/v5/\(project)/jobs"
    let (body, response) = try await tape.transport.send(
      request("\(jobs)/00000000-0000-0000-0000-000000000000/db-object/template/progress"))
    let error = CloudError(
      httpStatus: response.statusCode,
      requestID: response.value(forHTTPHeaderField: "X-Request-Id"),
      body: body)
    #expect(
      error.description
        == "HTTP 400 DRS.10000010: Job does not exist, please check job ID. (request 00000000000000000000000000000002)"
    )
    let snapshots = try await poll(
      .drs, url: "\(jobs)/c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r/db-object/template/progress",
      times: 2,
      through: tape.makeURLSession())
    #expect(snapshots.map(\.phase) == [.running, .succeeded])
    #expect(snapshots.last?.detail == "40 rows parsed")
  }
}

@Suite("Exhaustion policies")
struct ExhaustionPolicyTests {
  func sequence(_ policy: ExhaustionPolicy) throws -> CassettePlayer {
    try player(
      [
        try exchange(taskURL, json: #"{"n": 1}"#),
        try exchange(taskURL, json: #"{"n": 2}"#, repeatCount: 2),
      ], ReplayConfiguration(exhaustion: policy))
  }

  @Test("repeatLast serves the last answer again")
  func repeatLast() async throws {
    let tape = try sequence(.repeatLast)
    var answers: [String] = []
    for _ in 0..<5 { answers.append(text(try await tape.transport.send(request(taskURL)))) }
    #expect(answers == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":2}"#, #"{"n":2}"#, #"{"n":2}"#])
    #expect(tape.playCounts == [1, 4])
  }

  @Test("cycle starts over")
  func cycle() async throws {
    let tape = try sequence(.cycle)
    var answers: [String] = []
    for _ in 0..<5 { answers.append(text(try await tape.transport.send(request(taskURL)))) }
    #expect(answers == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":2}"#, #"{"n":1}"#, #"{"n":2}"#])
    #expect(tape.playCounts == [2, 3])
    #expect(tape.unusedInteractions.isEmpty)
  }

  @Test("fail refuses the extra request and says how often it was played")
  func fail() async throws {
    let tape = try sequence(.fail)
    for _ in 0..<3 { _ = try await tape.transport.send(request(taskURL)) }
    let failure = await #expect(throws: ReplayFailure.self) {
      try await tape.transport.send(request(taskURL))
    }
    #expect(failure?.kind == .exhausted)
    #expect(
      failure?.report.contains(
        "interactions #0, #1 matched and were already played 3 times; this is request 4.") == true)
    #expect(failure?.report.contains("(exhaustion policy: fail)") == true)
    #expect(tape.failures.count == 1)
  }
}

@Suite("Matchers")
struct MatcherTests {
  let url = "https://h.example/v1/items"

  func answers(
    _ recorded: Interaction, _ live: URLRequest,
    matching matchers: [RequestMatcher] = RequestMatcher.defaults
  ) async -> Bool {
    guard let tape = try? player([recorded], ReplayConfiguration(matchers: matchers)) else {
      return false
    }
    return (try? await tape.transport.send(live)) != nil
  }

  @Test("method")
  func method() async throws {
    let recorded = try exchange(url, json: "{}")
    #expect(await answers(recorded, request(url)))
    #expect(!(await answers(recorded, request(url, method: "DELETE"))))
    #expect(await answers(recorded, request(url, method: "DELETE"), matching: [.path]))
  }

  @Test("host: scheme, host and port; default ports are the same as none")
  func host() async throws {
    let recorded = try exchange(url, json: "{}")
    #expect(await answers(recorded, request("https://H.EXAMPLE:443/v1/items")))
    #expect(!(await answers(recorded, request("http://h.example/v1/items"))))
    #expect(!(await answers(recorded, request("https://h.example:8443/v1/items"))))
    #expect(!(await answers(recorded, request("https://other.example/v1/items"))))
  }

  @Test("path, percent-decoded")
  func path() async throws {
    let recorded = try exchange("https://h.example/v1/a%20b", json: "{}")
    #expect(await answers(recorded, request("https://h.example/v1/a%20b")))
    #expect(!(await answers(recorded, request("https://h.example/v1/a"))))
  }

  @Test("query in any order, but every item")
  func query() async throws {
    let recorded = try exchange("\(url)?offset=0&limit=10", json: "{}")
    #expect(await answers(recorded, request("\(url)?limit=10&offset=0")))
    #expect(!(await answers(recorded, request("\(url)?limit=10"))))
    #expect(!(await answers(recorded, request("\(url)?limit=10&offset=1"))))
  }

  @Test("named headers only; volatile headers are ignored by default")
  func headers() async throws {
    let recorded = try exchange(
      url, requestHeaders: ["X-Workspace-Id": "w1", "X-Sdk-Date": "20191115T033655Z"], json: "{}")
    let volatile = [
      "X-Workspace-Id": "w1", "X-Sdk-Date": "20261122T000000Z",
      "Authorization": "SDK-HMAC-SHA256 x", "User-Agent": "me", "X-Request-Id": "r",
    ]
    #expect(await answers(recorded, request(url, headers: volatile)))
    let workspace = RequestMatcher.defaults + [.headers(["x-workspace-id"])]
    #expect(
      await answers(recorded, request(url, headers: ["X-Workspace-Id": "w1"]), matching: workspace))
    #expect(
      !(await answers(
        recorded, request(url, headers: ["X-Workspace-Id": "w2"]), matching: workspace)))
    #expect(!(await answers(recorded, request(url), matching: workspace)))
  }

  @Test("JSON bodies by meaning: key order and spacing ignored, values not")
  func jsonBody() async throws {
    let recorded = try exchange(
      url, method: "POST", requestBody: #"{"a": 1, "b": {"c": [1, 2]}}"#, json: "{}")
    #expect(
      await answers(recorded, request(url, method: "POST", body: #"{"b":{"c":[1,2]},"a":1}"#)))
    #expect(
      !(await answers(recorded, request(url, method: "POST", body: #"{"b":{"c":[2,1]},"a":1}"#))))
    #expect(!(await answers(recorded, request(url, method: "POST", body: #"{"a":1}"#))))
  }

  @Test("JSON bodies by meaning through URLSession, body sent as a stream")
  func jsonBodyStream() async throws {
    let recorded = try exchange(
      url, method: "POST", requestBody: #"{"a": 1, "b": 2}"#, json: #"{"ok": true}"#)
    let tape = try player([recorded])
    var live = request(url, method: "POST")
    live.httpBodyStream = InputStream(data: Data(#"{"b": 2, "a": 1}"#.utf8))
    let (data, response) = try await tape.makeURLSession().send(live)
    #expect(response.statusCode == 200)
    #expect(String(decoding: data, as: UTF8.self) == #"{"ok":true}"#)
  }

  @Test("custom matchers narrow what the other matchers found")
  func custom() async throws {
    let recorded = try exchange(url, requestHeaders: ["X-Language": "en-us"], json: "{}")
    let english = RequestMatcher.custom("language is English") { live, _ in
      live.headers["x-language"]?.hasPrefix("en") == true
    }
    #expect(
      await answers(
        recorded, request(url, headers: ["X-Language": "en-gb"]),
        matching: RequestMatcher.defaults + [english]))
    #expect(
      !(await answers(
        recorded, request(url, headers: ["X-Language": "zh-cn"]),
        matching: RequestMatcher.defaults + [english])))
  }

  @Test("lookup is by key: the right one of many distinct requests")
  func manyInteractions() async throws {
    let tape = try player((0..<500).map { try! exchange("\(url)/\($0)", json: #"{"id": \#($0)}"#) })
    #expect(text(try await tape.transport.send(request("\(url)/377"))) == #"{"id":377}"#)
    #expect(tape.unusedInteractions.count == 499)
  }
}

@Suite("Mismatch report")
struct MismatchReportTests {
  @Test(
    "names the cassette, the redacted request, the closest interaction, the verdicts, a JSON diff and the command"
  )
  func unmatchedReport() async throws {
    let url = "https://h.example/v1/jobs/j1/progress"
    let tape = try player(
      [
        try exchange("https://h.example/v1/other", json: "{}"),
        try exchange(
          url, method: "POST", requestBody: #"{"offset": 0, "filter": {"type": "column"}}"#,
          json: "{}"),
      ])
    let live = request(
      url, method: "POST",
      headers: ["X-Auth-Token": "MIIsecret-token-value", "X-Language": "en-us"],
      body: #"{"filter": {"type": "table"}, "offset": 0, "extra": true}"#)
    let failure = await #expect(throws: ReplayFailure.self) { try await tape.transport.send(live) }
    let report = try #require(failure?.report)
    #expect(failure?.kind == .unmatched)
    #expect(!report.contains("MIIsecret"))
    #expect(
      report == """
        Tape: no interaction in memory.json matches this request.

        Request:
          POST https://h.example/v1/jobs/j1/progress
          X-Auth-Token: <redacted>
          X-Language: en-us
          body: {"filter": {"type": "table"}, "offset": 0, "extra": true}

        Closest recorded interaction: #1 (played 0 times)
          POST https://h.example/v1/jobs/j1/progress
          method  ✓
          host    ✓
          path    ✓
          query   ✓
          body    ✗
              /extra: unexpected (got true)
              /filter/type: recorded "column", got "table"

        To record it: run `TAPE_RECORD=newEpisodes swift test --filter <the test>` where the service is reachable (CI never records): new requests are appended to the cassette, the rest replays.
        """)
    #expect(
      failure?.request.hasPrefix(
        "POST https://h.example/v1/jobs/j1/progress\nX-Auth-Token: <redacted>") == true)
    #expect(tape.failures == [try #require(failure)])
  }

  @Test("the closest interaction's play count is singular for one play")
  func playedOnce() async throws {
    let tape = try player([try exchange("https://h.example/v1/a", json: "{}")])
    _ = try await tape.transport.send(request("https://h.example/v1/a"))
    let failure = await #expect(throws: ReplayFailure.self) {
      try await tape.transport.send(request("https://h.example/v1/b"))
    }
    #expect(failure?.report.contains("Closest recorded interaction: #0 (played 1 time)") == true)
  }

  @Test("key matchers show both values")
  func keyVerdicts() async throws {
    let tape = try player([try exchange("https://h.example/v1/a?x=1", json: "{}")])
    let failure = await #expect(throws: ReplayFailure.self) {
      try await tape.transport.send(request("https://h.example/v1/b?x=2", method: "PUT"))
    }
    let report = try #require(failure?.report)
    #expect(report.contains("method  ✗ recorded 'GET', got 'PUT'"))
    #expect(report.contains("path    ✗ recorded '/v1/a', got '/v1/b'"))
    #expect(report.contains("query   ✗ recorded 'x=1', got 'x=2'"))
    #expect(report.contains("host    ✓"))
  }

  @Test("a password in a live body never reaches the report or its body diff")
  func secretBody() async throws {
    // Recorded: the same login with another user, the password a placeholder; the live
    // request differs in the user, so the body matcher fails and its diff is printed.
    let recorded = try exchange(
      "https://iam.myhuaweicloud.com/v3/auth/tokens", method: "POST",
      requestBody: #"{"auth": {"user": "alice", "password": "<PASSWORD>"}}"#, json: "{}")
    let iam = request(
      "https://iam.myhuaweicloud.com/v3/auth/tokens", method: "POST",
      body: #"{"auth": {"user": "bob", "password": "hunter2"}}"#)
    let generic = try player([recorded])
    let failure = await #expect(throws: ReplayFailure.self) {
      try await generic.transport.send(iam)
    }
    let report = try #require(failure?.report)
    #expect(!report.contains("hunter2"))
    #expect(report.contains(#"body: {"auth":{"user":"bob","password":"<PASSWORD>"}}"#))
    // The diff names the member that differs, and not the password, which is the same
    // placeholder on both sides once the live request is redacted.
    #expect(report.contains("body    ✗"))
    #expect(report.contains("/auth/user"))
    #expect(!report.contains("/auth/password"))

    let huawei = try player([recorded], ReplayConfiguration(redactor: .huaweiCloud))
    let iamFailure = await #expect(throws: ReplayFailure.self) {
      try await huawei.transport.send(iam)
    }
    #expect(iamFailure?.report.contains("hunter2") == false)
    #expect(iamFailure?.report.contains("body: <redacted: ") == true)
  }
}
