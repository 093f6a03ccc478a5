import Foundation
import Tape
import Testing

@testable import TapeCommandLine

@Suite("--tenant on tape proxy and tape serve")
struct TenantFlagTests {
  static let projectID = "0123456789abcdef0123456789abcdef"
  static let credentials = [
    "HUAWEICLOUD_SDK_AK": "TAPESIMULATORAK00001", "HUAWEICLOUD_SDK_SK": "tape-simulator-secret-key",
    "HUAWEICLOUD_SDK_PROJECT_ID": projectID,
  ]

  @Test(
    "a malformed --tenant is a usage error (exit 2, on standard error) for proxy and serve",
    arguments: [
      (["--tenant", "project_id"], "error: --tenant must be <name>=<value>"),
      (["--tenant=project-id=0123abcd"], "error: --tenant names may hold only"),
      (["--tenant", "=0123abcd"], "error: --tenant names may hold only"),
      (["--tenant", "project_id=abc"], "error: --tenant project_id: the value must have"),
      (
        ["--tenant", "p=0123abcd", "--tenant", "p=4567ef01"],
        "error: --tenant p is given twice"
      ),
      (
        ["--tenant", "p=0123abcd", "--tenant", "q=0123abcd"],
        "error: --tenant q has the same value as p"
      ),
      (["--tenant"], "error: --tenant needs a value"),
    ])
  func malformed(arguments: [String], message: String) async {
    let proxy = await ProxyCommand.run(
      ["--upstream", "simulator", "--cassette", "x.json"] + arguments, print: { _ in },
      report: { _ in },
      until: {})
    let serve = await ServeCommand.run(
      ["x.json"] + arguments, print: { _ in }, report: { _ in }, until: {})
    for (outcome, usage) in [(proxy, "usage: tape proxy"), (serve, "usage: tape serve")] {
      #expect(outcome.status == 2)
      #expect(outcome.output.isEmpty)
      #expect(outcome.errorOutput.hasPrefix(message), "\(outcome.errorOutput)")
      #expect(outcome.errorOutput.contains(usage))
    }
  }

  @Test("--help of proxy and serve documents --tenant")
  func help() async {
    for outcome in [
      await ProxyCommand.run(["--help"], print: { _ in }, report: { _ in }, until: {}),
      await ServeCommand.run(["--help"], print: { _ in }, report: { _ in }, until: {}),
    ] {
      #expect(outcome.status == 0)
      #expect(outcome.output.contains("[--tenant <name>=<value>]..."))
      #expect(outcome.output.contains("tenant-<name>-scrubbed"))
    }
  }

  @Test(
    "the built executable: proxy --tenant records no project id; serve --tenant replays it to a client using the real id, serve without it does not"
  )
  func recordThenServe() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let cassette = FileManager.default.temporaryDirectory.appending(path: "tenant-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let poll = ["poll", "cpts", "--interval", "0.01", "--seed", "3"]
    let tenant = ["--tenant", "project_id=\(Self.projectID)"]

    let proxy = try await RunningTape.start(
      ["proxy", "--upstream", "simulator", "--cassette", cassette.path] + tenant)
    let live = try await RunningTape.run(
      poll + ["--endpoint", proxy.url], environment: Self.credentials)
    let stopped = await proxy.interrupt()
    #expect(live.status == 0, "\(live.output)")
    #expect(stopped.status == 0, "\(stopped.output)")
    #expect(stopped.output.contains("scrubbing project_id to placeholders"))
    let bytes = try String(contentsOf: cassette, encoding: .utf8)
    #expect(!bytes.contains(Self.projectID), "the project id reached the cassette")
    #expect(bytes.contains("/v1/tenant-project_id-scrubbed/test-suites/upload/processes"))
    #expect(bytes.contains("request.url: tenant project_id"))

    let restoring = try await RunningTape.start(["serve", cassette.path] + tenant)
    let replayed = try await RunningTape.run(
      poll + ["--endpoint", restoring.url], environment: Self.credentials)
    let served = await restoring.interrupt()
    #expect(replayed.status == 0, "\(replayed.output)")
    #expect(served.status == 0, "\(served.output)")
    #expect(lastLine(replayed.output) == lastLine(live.output))

    // proxy --record once on the existing cassette replays it, restoring the same way.
    let once = try await RunningTape.start(
      ["proxy", "--upstream", "https://example.invalid", "--cassette", cassette.path] + tenant)
    let onceReplayed = try await RunningTape.run(
      poll + ["--endpoint", once.url], environment: Self.credentials)
    let onceServed = await once.interrupt()
    #expect(onceReplayed.status == 0, "\(onceReplayed.output)")
    #expect(onceServed.status == 0, "\(onceServed.output)")

    // The planted check: the same client without --tenant matches nothing.
    let plain = try await RunningTape.start(["serve", cassette.path])
    let refused = try await RunningTape.run(
      poll + ["--endpoint", plain.url], environment: Self.credentials)
    let plainServed = await plain.interrupt()
    #expect(refused.status != 0, "\(refused.output)")
    #expect(plainServed.status == 1, "\(plainServed.output)")
    #expect(plainServed.output.contains("matched nothing"))
  }

  @Test("the built executable exits 2 with the reason for a malformed --tenant")
  func executableUsageError() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let run = try await RunningTape.run(["serve", "x.json", "--tenant", "project_id"])
    #expect(run.status == 2)
    #expect(run.output.hasPrefix("error: --tenant must be <name>=<value>"))
  }

  @Test(
    "tape poll --cassette --tenant writes no project id; --tenant without --cassette is refused")
  func pollRecords() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "poll-tenant-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "poll.json")
    let poll = ["cpts", "--endpoint", "simulator", "--interval", "0.01", "--seed", "7"]
    let outcome = await PollCommand.run(
      poll + ["--cassette", file.path, "--tenant", "project_id=\(Self.projectID)"],
      environment: [:],
      isTerminal: false, print: { _ in }, report: { _ in })
    #expect(outcome.status == 0, "\(outcome.errorOutput)")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(!text.contains(Self.projectID))
    #expect(text.contains("/v1/tenant-project_id-scrubbed/test-suites/upload/processes"))

    let refused = await PollCommand.run(
      poll + ["--tenant", "project_id=\(Self.projectID)"], environment: [:], isTerminal: false,
      print: { _ in }, report: { _ in })
    #expect(refused.status == 2)
    #expect(
      refused.errorOutput.hasPrefix("error: --tenant scrubs a recording: give it with --cassette"))
    let malformed = await PollCommand.run(
      poll + ["--cassette", file.path, "--tenant", "project_id"], environment: [:],
      isTerminal: false, print: { _ in }, report: { _ in })
    #expect(malformed.status == 2)
    #expect(malformed.errorOutput.hasPrefix("error: --tenant must be <name>=<value>"))
  }

  func lastLine(_ output: String) -> String {
    String(output.split(separator: "\n").last ?? "")
  }
}
