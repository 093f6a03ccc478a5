import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Synchronization
import Testing

@testable import Tape
@testable import TapeTesting

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Recording through URLSession and the trait")
struct SessionRecordingTests {
  /// A server answering `/items/<n>` with `{"item": n}`, gzip-encoded for odd n.
  func startServer() throws -> HTTPServer {
    try HTTPServer.start { request in
      let body = Data(#"{"item":"\#(request.path)"}"#.utf8)
      let odd = (request.path.last.flatMap { Int(String($0)) } ?? 0) % 2 == 1
      return odd
        ? HTTPResponse(
          status: 200,
          headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"],
          body: gzipStored(body))
        : .json(body)
    }
  }

  /// What a recording sends through: a plain session, the trait's default upstream, or a
  /// user's own `SameOriginTransport`.
  enum Upstream: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sharedSession, defaultUpstream, ownTransport

    var transport: any HTTPTransport {
      switch self {
      case .sharedSession: URLSession.shared
      case .defaultUpstream: RecordingTransport.defaultUpstream
      case .ownTransport: SameOriginTransport()
      }
    }

    var testDescription: String { rawValue }
  }

  @Test(
    "a recording player's URLSession records 400 requests at 16 in flight, then replays them",
    arguments: Upstream.allCases)
  func sessionRecordsAndReplays(upstream: Upstream) async throws {
    let server = try startServer()
    let recorder = CassetteRecorder()
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "memory",
      recording: RecordingSetup(
        transport: RecordingTransport(upstream: upstream.transport, recorder: recorder),
        recordsEverything: true))
    let session = player.makeURLSession()
    let base = server.baseURL
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<16 {
        group.addTask {
          for n in 0..<25 {
            var request = URLRequest(url: base.appending(path: "items/\(lane)-\(n)"))
            request.setValue("secret-\(lane)-token-value", forHTTPHeaderField: "X-Auth-Token")
            let (data, _) = try await session.data(for: request)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text == #"{"item":"/items/\#(lane)-\#(n)"}"#)
          }
        }
      }
      try await group.waitForAll()
    }
    await server.stop()
    let cassette = recorder.cassette()
    #expect(cassette.interactions.count == 400)
    let gzipped = cassette.interactions.filter { $0.response.body?.decodedFrom == "gzip" }
    #expect(gzipped.count == 16 * 12)  // odd n of 0..<25 in each lane
    #expect(cassette.interactions.allSatisfy { $0.request.headers["User-Agent"] == nil })
    #expect(
      cassette.interactions.allSatisfy { $0.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>" })
    let bytes = String(decoding: CassetteFile.encode(cassette), as: UTF8.self)
    #expect(!bytes.contains("-token-value"))

    let replay = try CassettePlayer(cassette: cassette, source: "memory").makeURLSession()
    let (data, _) = try await replay.data(for: URLRequest(url: base.appending(path: "items/3-7")))
    #expect(String(decoding: data, as: UTF8.self) == #"{"item":"/items/3-7"}"#)
  }

  @Test("an upload(for:from:) body is refused with a clear error; an httpBody POST records")
  func uploadRefused() async throws {
    let server = try startServer()
    defer { server.beginStop() }
    let recorder = CassetteRecorder()
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "memory",
      recording: RecordingSetup(
        transport: RecordingTransport(upstream: URLSession.shared, recorder: recorder),
        recordsEverything: true))
    let session = player.makeURLSession()
    var request = URLRequest(url: server.baseURL.appending(path: "items/8"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    do {
      _ = try await session.upload(for: request, from: Data(#"{"a":1}"#.utf8))
      Issue.record("an invisible upload body was sent")
    } catch {
      #expect("\(error)".contains("upload(for:from:) is invisible"), "\(error)")
    }
    request.httpBody = Data(#"{"a":1}"#.utf8)
    _ = try await session.data(for: request)
    #expect(recorder.interactions.count == 1)
    #expect(recorder.interactions.first?.request.body?.data == Data(#"{"a":1}"#.utf8))
  }

  @Test("record: .once records a missing cassette through the trait and says where")
  func traitRecordsOnce() async throws {
    let server = try startServer()
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var trait = CassetteTrait.cassette("recorded/once", record: .once)
    trait.environment = ["TAPE_CASSETTES": folder.path]
    let said = Mutex<[String]>([])
    trait.announce = { text in said.withLock { $0.append(text) } }
    let url = server.baseURL.appending(path: "items/2")
    let test = try #require(Test.current)
    try await trait.provideScope(for: test, testCase: Test.Case.current) {
      let tape = try #require(CassettePlayer.current)
      _ = try await tape.transport.send(URLRequest(url: url))
      _ = try await tape.makeURLSession().data(for: URLRequest(url: url))
    }
    #expect(
      said.withLock {
        $0.map {
          $0.hasPrefix("Tape recorded 2 interactions into \(folder.path)/recorded/once.json")
        }
      } == [true])
    await server.stop()
    let cassette = try CassetteFile.load(from: folder.appending(path: "recorded/once.json"))
    #expect(cassette.interactions.map(\.repeatCount) == [2])

    // Replayed with the server gone; newEpisodes appends a new request and keeps the rest.
    let second = try startServer()
    var appending = CassetteTrait.cassette("recorded/once", record: .newEpisodes)
    appending.environment = ["TAPE_CASSETTES": folder.path]
    let appended = Mutex<[String]>([])
    appending.announce = { text in appended.withLock { $0.append(text) } }
    let newURL = second.baseURL.appending(path: "items/4")
    try await appending.provideScope(for: test, testCase: Test.Case.current) {
      let tape = try #require(CassettePlayer.current)
      _ = try await tape.transport.send(URLRequest(url: url))
      _ = try await tape.transport.send(URLRequest(url: newURL))
    }
    #expect(
      appended.withLock { $0.map { $0.hasPrefix("Tape recorded 1 interaction into ") } } == [true])
    await second.stop()
    let grown = try CassetteFile.load(from: folder.appending(path: "recorded/once.json"))
    #expect(
      grown.interactions.map { URL(string: $0.request.url)!.path } == ["/items/2", "/items/4"])
  }

  /// A URL cache cost a lookup on a background queue per request, a fifth of a recording's
  /// time, and Tape's protocol never answers from it: neither session has one.
  @Test("a player's session and the recording's default upstream have no URL cache")
  func noURLCache() throws {
    let player = try CassettePlayer(cassette: Cassette(interactions: []), source: "memory")
    #expect(player.makeURLSession().configuration.urlCache == nil)
    #expect(player.makeURLSession(configuration: .default).configuration.urlCache == nil)
    #expect(RecordingTransport.defaultUpstream.session.configuration.urlCache == nil)
  }
}
