import Foundation
import LoopbackHTTP
import Synchronization
import SystemInterface
import Tape
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape proxy")
struct ProxyCommandTests {
  static let credentials = [
    "HUAWEICLOUD_SDK_AK": "TAPESIMULATORAK00001", "HUAWEICLOUD_SDK_SK": "tape-simulator-secret-key",
    "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef",
  ]

  /// The progress part of each line `tape poll` printed: `running 50%: running`.
  func progressLines(_ output: String) -> [String] {
    output.split(separator: "\n").compactMap { line in
      guard line.hasPrefix("["), let range = line.range(of: "2b31ed520xxxxxxebedb6e57xxxxxxxx: ")
      else { return nil }
      return String(line[range.upperBound...].prefix { $0 != "(" })
        .trimmingCharacters(in: .whitespaces)
    }
  }

  @Test(
    "a client signing with AK/SK records through the proxy; tape serve replays the same sequence")
  func recordThenServe() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let cassette = FileManager.default.temporaryDirectory.appending(path: "proxy-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let poll = [
      "poll", "check", "2b31ed520xxxxxxebedb6e57xxxxxxxx", "--interval", "0.01", "--seed", "3",
    ]

    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path,
    ])
    #expect(proxy.url.hasPrefix("http://127.0.0.1:"))
    let live = try await RunningTape.run(
      poll + ["--endpoint", proxy.url], environment: Self.credentials)
    #expect(live.status == 0, "\(live.output)")
    let stopped = await proxy.interrupt()
    #expect(stopped.status == 0)
    #expect(stopped.output.contains("wrote \(cassette.path): 3 new interactions, 3 in all"))
    let recorded = try CassetteFile.load(from: cassette)
    #expect(recorded.interactions.allSatisfy { $0.redactions == ["request.header.Authorization"] })
    let bytes = try String(contentsOf: cassette, encoding: .utf8)
    for secret in Self.credentials.values where secret.hasPrefix("TAPE") || secret.hasPrefix("tape")
    {
      #expect(!bytes.contains(secret), "a credential reached the cassette")
    }

    let server = try await RunningTape.start(["serve", cassette.path])
    let replayed = try await RunningTape.run(
      poll + ["--endpoint", server.url],
      environment: Self.credentials.merging(["HUAWEICLOUD_SDK_SK": "not-the-recorded-one"]) { $1 })
    let served = await server.interrupt()
    #expect(replayed.status == 0, "\(replayed.output)")
    #expect(served.status == 0)
    #expect(progressLines(replayed.output) == progressLines(live.output))
    #expect(
      progressLines(live.output) == [
        "running 0%: running", "running 50%: running", "succeeded 100%: success",
      ])
  }

  /// A port nothing listens on right now: bound to 0 for the system to pick, then closed.
  static func unusedPort() throws -> UInt16 {
    let descriptor = socket(AF_INET, SystemSocket.stream, 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return UInt16(bigEndian: address.sin_port)
  }

  @Test(
    "once with an existing cassette replays it on --port; a request it does not answer gets the near-miss 404 and is not forwarded; Ctrl-C exits 1, as tape serve does"
  )
  func onceReplays() async throws {
    let cassette = FileManager.default.temporaryDirectory.appending(path: "proxy-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.copyItem(
      at: packageRoot.appending(path: "cassettes/check-task-polling.json"), to: cassette)
    let before = try Data(contentsOf: cassette)
    let forwarded = Mutex(0)
    let upstream = try HTTPServer.start { _ in
      forwarded.withLock { $0 += 1 }
      return .text("the upstream")
    }
    defer { upstream.beginStop() }
    let port = try Self.unusedPort()
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
      "--port", String(port),
    ])
    #expect(proxy.url == "http://127.0.0.1:\(port)")
    let session = URLSession(configuration: .ephemeral)
    let known = try #require(
      URL(string: proxy.url + "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"))
    let (replayed, _) = try await session.data(from: known)
    #expect(String(decoding: replayed, as: UTF8.self).contains(#""task_status""#))
    let unknown = try #require(URL(string: proxy.url + "/v2/tasks/new-task/progress"))
    let (missed, missResponse) = try await session.data(from: unknown)
    #expect((missResponse as? HTTPURLResponse)?.statusCode == 404)
    let miss = try JSONSerialization.jsonObject(with: missed) as? [String: String]
    #expect(miss?["report"]?.contains("/v2/tasks/new-task/progress") == true)
    let stopped = await proxy.interrupt()
    #expect(stopped.status == 1, "a request matched nothing")
    #expect(stopped.output.hasPrefix("tape proxy listening on http://127.0.0.1:\(port)\n"))
    #expect(stopped.output.contains("--record newEpisodes forwards and appends"))
    #expect(stopped.output.contains("Closest recorded interaction"), "the report is printed")
    #expect(
      stopped.output.contains(
        "replayed 1 request; 1 matched nothing (answered 404); \(cassette.path) left as it was"))
    #expect(forwarded.withLock { $0 } == 0)
    #expect(try Data(contentsOf: cassette) == before)
  }

  @Test("the help says what once and newEpisodes do with a request the cassette does not answer")
  func helpText() async {
    let outcome = await ProxyCommand.run(["--help"], print: { _ in }, report: { _ in }, until: {})
    let help = outcome.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    #expect(help.contains("replay it on --port and forward nothing"))
    #expect(help.contains("gets 404 with the near-miss report"))
    #expect(
      help.contains("newEpisodes  replay what the cassette answers; forward and append the rest"))
    #expect(!help.contains("as tape serve does"))
  }

  @Test("newEpisodes replays what the cassette answers and records only the rest")
  func newEpisodes() async throws {
    let cassette = FileManager.default.temporaryDirectory.appending(path: "proxy-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.copyItem(
      at: packageRoot.appending(path: "cassettes/check-task-polling.json"), to: cassette)
    let before = try CassetteFile.load(from: cassette).interactions
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", "simulator", "--cassette", cassette.path, "--record", "newEpisodes",
    ])
    let session = URLSession(configuration: .ephemeral)
    let known = try #require(
      URL(string: proxy.url + "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"))
    let (replayed, _) = try await session.data(from: known)
    #expect(String(decoding: replayed, as: UTF8.self).contains(#""ratio":"0%""#))
    let unknown = try #require(URL(string: proxy.url + "/v2/tasks/new-task/progress"))
    let (_, forwarded) = try await session.data(from: unknown)
    #expect((forwarded as? HTTPURLResponse)?.statusCode == 401, "the simulator wants a token")
    let stopped = await proxy.interrupt()
    #expect(stopped.output.contains("1 new interaction, \(before.count + 1) in all"))
    let after = try CassetteFile.load(from: cassette).interactions
    #expect(Array(after.prefix(before.count)) == before)
    #expect(after.last?.request.url.hasSuffix("/v2/tasks/new-task/progress") == true)
    #expect(after.last?.response.status == 401)
  }

  @Test(
    "usage errors exit 2",
    arguments: [
      ["--cassette", "x.json"], ["--upstream", "simulator"],
      ["--upstream", "ftp://h", "--cassette", "x.json"],
      ["--upstream", "simulator", "--cassette", "x.json", "--record", "sometimes"],
    ])
  func usage(arguments: [String]) async {
    let outcome = await ProxyCommand.run(arguments, print: { _ in }, report: { _ in }, until: {})
    #expect(outcome.status == 2)
    #expect(outcome.errorOutput.contains("usage: tape proxy"))
  }
}
