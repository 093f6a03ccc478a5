import Foundation
import LoopbackHTTP
import Synchronization
import Testing

@testable import Tape
@testable import TapeTesting

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Recording against a stand-in on a random port keeps the cloud's URLs, so the cassette
/// replays for the code that talks to the cloud.
@Suite("Recording against a stand-in")
struct StandInTransportTests {
  static let cloudURL = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/t1/progress"

  @Test("a URL goes to the stand-in's scheme, host, port and base path; the query is kept")
  func redirects() throws {
    let transport = StandInTransport(at: URL(string: "http://127.0.0.1:8123/fake/")!)
    let redirected = transport.redirect(URL(string: Self.cloudURL + "?job_id=j%201")!)
    #expect(
      redirected.absoluteString == "http://127.0.0.1:8123/fake/v2/tasks/t1/progress?job_id=j%201")
  }

  @Test("the trait records through a stand-in with the cloud's URLs, then replays without it")
  func recordThenReplay() async throws {
    let paths = Mutex<[String]>([])
    let standIn = try HTTPServer.start { request in
      paths.withLock { $0.append(request.target) }
      return .json(text: #"{"task_status": 2, "progress": {"ratio": "100%"}}"#)
    }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var trait = CassetteTrait.cassette(
      "stand-in", record: .once, upstream: StandInTransport(at: standIn.baseURL))
    trait.environment = ["TAPE_CASSETTES": folder.path]
    let said = Mutex<[String]>([])
    trait.announce = { text in said.withLock { $0.append(text) } }
    let test = try #require(Test.current)
    let url = URL(string: Self.cloudURL)!
    try await trait.provideScope(for: test, testCase: Test.Case.current) {
      let tape = try #require(CassettePlayer.current)
      let (_, response) = try await tape.makeURLSession().data(from: url)
      #expect(response.url == url)  // the caller sees the cloud's URL
    }
    #expect(
      said.withLock { $0.map { $0.hasPrefix("Tape recorded 1 interaction into ") } } == [true])
    await standIn.stop()
    #expect(paths.withLock { $0 } == ["/v2/tasks/t1/progress"])
    let cassette = try CassetteFile.load(from: folder.appending(path: "stand-in.json"))
    #expect(cassette.interactions.map(\.request.url) == [Self.cloudURL])

    // The stand-in is gone: the cassette replays for the cloud's URL.
    trait.record = .none
    try await trait.provideScope(for: test, testCase: Test.Case.current) {
      let tape = try #require(CassettePlayer.current)
      let (data, _) = try await tape.makeURLSession().data(from: url)
      // Byte for byte what the stand-in sent, its spacing and member order included.
      #expect(
        String(decoding: data, as: UTF8.self)
          == #"{"task_status": 2, "progress": {"ratio": "100%"}}"#)
    }
  }
}
