import Foundation
import Synchronization
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape simulate")
struct SimulateCommandTests {
  @Test("serves the scenario until told to stop, printing its URL first")
  func serves() async throws {
    let printed = Mutex("")
    let answers = Mutex<[String]>([])
    let scenario =
      #"{"tasks": [{"api": "check", "id": "t9", "outcome": "stop", "polls": 2}], "requiresAuthentication": false}"#
    let outcome = await TapeCommand.main(
      ["simulate", "--scenario", "s.json"],
      print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } },
      until: {
        let banner = printed.withLock { $0 }
        guard let line = banner.split(separator: "\n").first,
          let url = URL(string: String(line.split(separator: " ").last ?? ""))
        else { return }
        for _ in 0..<2 {
          if let (data, _) = try? await URLSession(configuration: .ephemeral).data(
            from: url.appending(path: "v2/tasks/t9/progress"))
          {
            answers.withLock { $0.append(String(decoding: data, as: UTF8.self)) }
          }
        }
      },
      readInput: { path in
        guard path == "s.json" else { throw CocoaError(.fileReadNoSuchFile) }
        return Data(scenario.utf8)
      })
    #expect(outcome.status == 0)
    #expect(printed.withLock { $0 }.hasPrefix("tape simulate listening on http://127.0.0.1:"))
    #expect(outcome.output == "")
    #expect(outcome.errorOutput == "simulator stopped\n")
    let banner = printed.withLock { $0 }
    #expect(banner.hasPrefix("tape simulate listening on http://127.0.0.1:"))
    #expect(banner.contains("  check t9: stop after 2 polls"))
    #expect(banner.contains("authentication: off"))
    #expect(
      answers.withLock { $0 } == [
        #"{"task_status":0,"progress":{"ratio":"0%","info":"running"}}"#,
        #"{"task_status":3,"progress":{"ratio":null,"info":null}}"#,
      ])
  }

  @Test(
    "bad flags are usage errors; a bad scenario names the file and the place",
    arguments: [
      (
        ["simulate", "--port", "70000"], Int32(2),
        "error: --port must be a number from 0 to 65535, got '70000'"
      ),
      (["simulate", "--verbose"], 2, "error: unknown option '--verbose'"),
      (["simulate", "extra"], 2, "error: unexpected argument 'extra'"),
      (
        ["simulate", "--scenario", "bad.json"], 3,
        "error: bad.json is not a valid scenario: at /tasks/0/api: unknown api 's3'; expected one of cpts, insight, quality, drs, check\n"
      ),
      (["simulate", "--scenario", "missing.json"], 3, "error: cannot read missing.json: "),
    ])
  func refusals(arguments: [String], status: Int32, message: String) async {
    let outcome = await TapeCommand.main(
      arguments, print: { _ in }, report: { _ in }, until: {},
      readInput: { path in
        guard path == "bad.json" else { throw CocoaError(.fileReadNoSuchFile) }
        return Data(#"{"tasks": [{"api": "s3", "id": "x", "outcome": "fail", "polls": 1}]}"#.utf8)
      })
    #expect(outcome.status == status)
    #expect(outcome.errorOutput.hasPrefix(message), "\(outcome.errorOutput)")
  }

  @Test("the overall usage lists simulate; the sync entry point sends it to main")
  func usage() {
    #expect(TapeCommand.usage.contains("simulate  serve a simulator of the five APIs"))
    #expect(TapeCommand.run(["simulate"]).status == 2)
  }
}

@Suite("tape simulate: the banner")
struct SimulateBannerTests {
  @Test("the curl lines show how to get a token, then use it")
  func tokenRequest() async {
    let printed = Mutex("")
    _ = await TapeCommand.main(
      ["simulate"], print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } }, until: {})
    let banner = printed.withLock { $0 }
    let base = String(banner.split(separator: "\n")[0].split(separator: " ").last ?? "")
    #expect(
      banner.contains(
        "  TOKEN=$(curl -si \(base)/v3/auth/tokens -H 'Content-Type: application/json' -d "
          + #"'{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"tape","password":"tape-simulator"}}}}}'"#
          + #" | awk 'tolower($1) == "x-subject-token:" { print $2 }' | tr -d '\r')"#))
    #expect(
      banner.contains(
        #"  curl -s \#(base)/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress -H "X-Auth-Token: $TOKEN""#
      ))
  }
}
