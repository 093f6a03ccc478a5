import Foundation
import LoopbackHTTP
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("tape proxy with a compressing upstream")
struct ProxyCompressionTests {
  /// `{"task_status":2,"progress":{"info":"success","ratio":"100%"},"access_token":
  /// "MIIProxyGzipToken0123456789"}`, as Python's `gzip.compress(body, 6, mtime=0)` makes it.
  static let gzipAnswer =
    Data(
      base64Encoded:
        "H4sIAAAAAAAAA6tWKkkszo4vLkksKS1WsjLSUSooyk8vSi0GcqqVMvPS8pWslIpLk5NBIjpKRYklmSARQwMDVaVaHaVEsER8SX52ah5Q2NfTM6Aov6LSvSqzIAQkZmBoZGxiamZuYalUCwAitflUawAAAA=="
    ) ?? Data()

  @Test(
    "tape poll through tape proxy reads a gzip answer; the cassette holds it decoded, its token redacted"
  )
  func pollThroughProxy() async throws {
    try #require(FileManager.default.isExecutableFile(atPath: RunningTape.binary.path))
    let upstream = try HTTPServer.start { _ in
      .json(Self.gzipAnswer, headers: ["Content-Encoding": "gzip"])
    }
    defer { upstream.beginStop() }
    let cassette = FileManager.default.temporaryDirectory.appending(path: "proxy-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
    ])
    let poll = try await RunningTape.run(
      [
        "poll", "check", "2b31ed520xxxxxxebedb6e57xxxxxxxx", "--interval", "0.01",
        "--endpoint", proxy.url,
      ],
      environment: [
        "HUAWEICLOUD_SDK_AUTH_TOKEN": "MIIClientToken0123456789",
        "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef",
      ])
    let stopped = await proxy.interrupt()
    #expect(poll.status == 0, "\(poll.output)")
    #expect(poll.output.contains("succeeded 100%: success"), "\(poll.output)")
    #expect(!poll.output.contains("0x1F"))
    #expect(stopped.status == 0, "\(stopped.output)")

    let recorded = try CassetteFile.load(from: cassette)
    let response = try #require(recorded.interactions.first?.response)
    #expect(response.body?.decodedFrom == "gzip")
    #expect(response.headers["Content-Encoding"] == nil)
    guard case .json(let tree) = response.body?.content else {
      Issue.record("stored as \(String(describing: response.body?.content)), not JSON")
      return
    }
    #expect(tree["access_token"]?.stringValue == "<ACCESS_TOKEN>")
    let text = try String(contentsOf: cassette, encoding: .utf8)
    #expect(!text.contains("MIIProxyGzipToken"))
    #expect(!text.contains("MIIClientToken"))
  }
}
