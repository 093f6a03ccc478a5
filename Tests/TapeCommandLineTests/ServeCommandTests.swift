import CloudProgress
import Foundation
import Synchronization
import SystemInterface
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape serve")
struct ServeCommandTests {
  let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let progressPath = "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"

  @Test(
    "usage errors exit 2 before anything is served; an unreadable cassette exits 3",
    arguments: [
      (["--port", "1"], 2, "error: name at least one cassette file"),
      (
        ["x.json", "--exhaustion", "never"], 2,
        "error: --exhaustion must be one of repeatLast, fail, cycle, got 'never'"
      ),
      (["x.json", "--match-header", ","], 2, "error: --match-header needs header names, got ','"),
      (
        ["x.json", "--port", "http"], 2,
        "error: --port must be a number from 0 to 65535, got 'http'"
      ),
      (["/nonexistent/tape.json"], 3, "error: "),
    ])
  func usage(arguments: [String], status: Int32, message: String) async {
    let outcome = await ServeCommand.run(arguments, print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == status)
    #expect(outcome.errorOutput.hasPrefix(message))
  }

  @Test(
    "the built executable serves a polling sequence to URLSession and curl, a near-miss 404, and exits 1 on Ctrl-C"
  )
  func endToEnd() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let server = try await RunningTape.start([
      "serve", packageRoot.appending(path: "cassettes/check-task-polling.json").path,
    ])
    let base = server.url
    #expect(base.hasPrefix("http://127.0.0.1:"))

    let session = URLSession(configuration: .ephemeral)
    let url = try #require(URL(string: base + progressPath))
    var percents: [Double?] = []
    for _ in 0..<3 {
      let (data, _) = try await session.data(from: url)
      percents.append(try CheckTaskProgress(jsonData: data).taskProgress.percent)
    }
    #expect(percents == [0, 0, 50])
    let answer: Data
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") {
      answer = try await RunningTape.runProgram("/usr/bin/curl", ["-s", base + progressPath])
    } else {
      answer = try await session.data(from: url).0  // a machine without curl
    }
    #expect(try CheckTaskProgress(jsonData: answer).taskProgress.phase == .succeeded)

    let (missBody, missResponse) = try await session.data(
      from: try #require(URL(string: base + "/v2/tasks/other/progress")))
    #expect((missResponse as? HTTPURLResponse)?.statusCode == 404)
    let miss = try JSONSerialization.jsonObject(with: missBody) as? [String: String]
    #expect(miss?["report"]?.contains("Closest recorded interaction: #0") == true)
    // A client in any language is told how to record the request: through tape proxy.
    let cassette = packageRoot.appending(path: "cassettes/check-task-polling.json").path
    #expect(
      miss?["report"]?.hasSuffix(
        "To record it: run `tape proxy --upstream <the service's base URL> --cassette "
          + "\(cassette) --record newEpisodes` where the service is reachable and send the "
          + "request through it: new requests are appended to the cassette, the rest replays.")
        == true, "\(miss ?? [:])")
    #expect(miss?["report"]?.contains("swift test") == false)

    let stopped = await server.interrupt()
    #expect(stopped.status == 1)
    let text = stopped.output
    #expect(
      text.contains("5 requests: 4 answered from the cassette, 1 matched nothing (answered 404)"))
    #expect(text.contains("every interaction was requested"))
  }

  /// Serves `arguments` in process, runs `requests` against its URL, returns the outcome.
  func serve(_ arguments: [String], requests: @escaping @Sendable (String) async -> Void) async
    -> CommandOutcome
  {
    let printed = Mutex("")
    return await ServeCommand.run(
      arguments, print: { text in printed.withLock { $0 += text } }, report: { _ in },
      until: {
        let base =
          printed.withLock { $0 }.split(separator: "\n").first?
          .split(separator: " ").last.map(String.init) ?? ""
        await requests(base)
      })
  }

  /// The status of a GET of `path` with `headers`.
  static func status(_ base: String, _ path: String, headers: [String: String] = [:]) async
    -> Int
  {
    guard let url = URL(string: base + path) else { return 0 }
    var request = URLRequest(url: url)
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let response = try? await URLSession(configuration: .ephemeral).data(for: request).1
    return (response as? HTTPURLResponse)?.statusCode ?? 0
  }

  @Test("--exhaustion fail answers 404 once the sequence is used up; the summary counts it")
  func exhaustionFail() async {
    let statuses = Mutex<[Int]>([])
    let path = progressPath
    let outcome = await serve([
      packageRoot.appending(path: "cassettes/check-task-polling.json").path, "--exhaustion", "fail",
    ]) { base in
      for _ in 0..<5 {
        let status = await Self.status(base, path)
        statuses.withLock { $0.append(status) }
      }
    }
    #expect(statuses.withLock { $0 } == [200, 200, 200, 200, 404])
    #expect(outcome.status == 1)
    #expect(
      outcome.errorOutput.hasPrefix(
        "5 requests: 4 answered from the cassette, 1 matched nothing (answered 404)"))
  }

  @Test("--match-header matches named headers; several cassettes are served as one")
  func headersAndSeveralCassettes() async {
    let statuses = Mutex<[Int]>([])
    let path = progressPath
    let outcome = await serve([
      packageRoot.appending(path: "cassettes/check-task-polling.json").path,
      packageRoot.appending(path: "cassettes/drs-template-progress.json").path,
      "--match-header", "X-Auth-Token",
    ]) { base in
      let drs =
        "/v5/0123456789abcdef0123456789abcdef/jobs/c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"
        + "/db-object/template/progress"
      let results = [
        await Self.status(base, path),
        await Self.status(base, path, headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
        await Self.status(base, drs, headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
      ]
      statuses.withLock { $0 = results }
    }
    #expect(statuses.withLock { $0 } == [404, 200, 200])
    #expect(outcome.output.isEmpty)
    #expect(
      outcome.errorOutput.hasPrefix(
        "3 requests: 2 answered from the cassette, 1 matched nothing (answered 404)"))
    #expect(outcome.errorOutput.contains("of 6 interactions were never requested"))
  }

  @Test("a live token replays against the recorded placeholder; no 404 body or log line shows it")
  func liveTokenNeverShown() async throws {
    let token = "MIIlive-token-0123456789abcdefghijklmnopqrstuvwxyz"
    let printed = Mutex("")
    let answers = Mutex<[(Int, String)]>([])
    let path = progressPath
    let outcome = await ServeCommand.run(
      [
        packageRoot.appending(path: "cassettes/check-task-polling.json").path,
        "--match-header", "X-Auth-Token",
      ],
      print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } },
      until: {
        let base =
          printed.withLock { $0 }.split(separator: "\n").first?
          .split(separator: " ").last.map(String.init) ?? ""
        for target in [path, "/v2/tasks/other/progress?X-Auth-Token=\(token)"] {
          var request = URLRequest(url: URL(string: base + target)!)
          request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
          let answer = try? await URLSession(configuration: .ephemeral).data(for: request)
          let status = (answer?.1 as? HTTPURLResponse)?.statusCode ?? 0
          let body = String(decoding: answer?.0 ?? Data(), as: UTF8.self)
          answers.withLock { $0.append((status, body)) }
        }
      })
    let results = answers.withLock { $0 }
    #expect(results.map(\.0) == [200, 404])
    let log = printed.withLock { $0 } + outcome.output + outcome.errorOutput
    #expect(log.contains("no interaction in"))
    #expect(results[1].1.contains("X-Auth-Token=<X_AUTH_TOKEN>"))
    for text in [log, results[1].1] {
      #expect(!text.contains(token))
      #expect(!text.contains("MIIlive"))
    }
  }
}
