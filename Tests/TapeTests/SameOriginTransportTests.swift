import Foundation
import HTTPTransportCore
import LoopbackHTTP
import RedirectTestSupport
import Synchronization
import Tape
import Testing

@testable import TapeTesting

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What `SameOriginTransport` promises: a redirect to another origin is never followed (the
/// 3xx is the answer, as sent), one within the origin is; recordings keep the 3xx.
@Suite("SameOriginTransport")
struct SameOriginTransportTests {
  /// A request carrying the three credential headers Tape's clients send.
  static func credentialed(_ url: URL) -> URLRequest {
    var request = URLRequest(url: url)
    request.setValue("token-7f3a-secret", forHTTPHeaderField: "X-Auth-Token")
    request.setValue(
      "SDK-HMAC-SHA256 Access=AK7f3a, SignedHeaders=host, Signature=00ff",
      forHTTPHeaderField: "Authorization")
    request.setValue("security-token-91c4", forHTTPHeaderField: "X-Security-Token")
    return request
  }

  /// Where a cross-origin redirect points: another port, another host name for the same
  /// server, another scheme.
  enum Elsewhere: String, CaseIterable, Sendable {
    case otherPort, otherHost, otherScheme

    func location(for request: HTTPRequest, other: URL) -> String {
      let port = request.headers["Host"]?.split(separator: ":").last.map(String.init) ?? ""
      switch self {
      case .otherPort: return other.appending(path: "landed").absoluteString
      case .otherHost: return "http://localhost:\(port)/landed"
      case .otherScheme: return "https://127.0.0.1:\(port)/landed"
      }
    }
  }

  @Test(
    "a redirect to another origin is the answer, with its Location and body; nothing is sent there",
    arguments: [301, 302, 303, 307, 308], Elsewhere.allCases)
  func crossOriginNotFollowed(status: Int, elsewhere: Elsewhere) async throws {
    try await RedirectingServers.with(status: status) { request, other in
      request.path == "/landed" ? nil : elsewhere.location(for: request, other: other)
    } _: { servers in
      let (body, response) = try await SameOriginTransport().send(
        Self.credentialed(servers.origin.baseURL.appending(path: "v1/tasks/t1")))
      #expect(response.statusCode == status)
      let location = try #require(response.value(forHTTPHeaderField: "Location"))
      #expect(location.hasSuffix("/landed"))
      #expect(String(decoding: body, as: UTF8.self) == RedirectingServers.redirectBody)
      #expect(servers.credentialsReceivedByOther == [])
      #expect(servers.receivedByOther.isEmpty)
      #expect(servers.receivedByOrigin.map(\.path) == ["/v1/tasks/t1"])
    }
  }

  @Test(
    "a redirect within the origin is followed, with the request's headers",
    arguments: ["relative", "absolute"])
  func sameOriginFollowed(_ form: String) async throws {
    try await RedirectingServers.with { request, _ in
      guard request.path != "/landed" else { return nil }
      let host = request.headers["Host"] ?? ""
      return form == "relative" ? "/landed" : "http://\(host)/landed"
    } _: { servers in
      let (body, response) = try await SameOriginTransport().send(
        Self.credentialed(servers.origin.baseURL.appending(path: "v1/tasks/t1")))
      #expect(response.statusCode == 200)
      #expect(String(decoding: body, as: UTF8.self) == #"{"landed":"origin"}"#)
      let received = servers.receivedByOrigin
      #expect(received.map(\.path) == ["/v1/tasks/t1", "/landed"])
      #expect(received.last?.headers["X-Auth-Token"] == "token-7f3a-secret")
      #expect(servers.receivedByOther.isEmpty)
    }
  }

  @Test("recorded through RecordingTransport, the cassette holds the 302 and its Location")
  func recordedAsAnswered() async throws {
    let recorder = CassetteRecorder()
    let location = try await RedirectingServers.with { _, other in
      other.appending(path: "landed").absoluteString
    } _: { servers in
      let transport = RecordingTransport(upstream: SameOriginTransport(), recorder: recorder)
      let (_, response) = try await transport.send(
        Self.credentialed(servers.origin.baseURL.appending(path: "v1/tasks/t1")))
      #expect(response.statusCode == 302)
      #expect(servers.credentialsReceivedByOther == [])
      #expect(servers.receivedByOther.isEmpty)
      return servers.other.baseURL.appending(path: "landed").absoluteString
    }
    let interactions = recorder.cassette().interactions
    #expect(interactions.count == 1)
    let interaction = try #require(interactions.first)
    #expect(interaction.response.status == 302)
    #expect(interaction.response.headers["Location"] == location)
    #expect(interaction.response.body?.data == Data(RedirectingServers.redirectBody.utf8))
    #expect(interaction.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
  }

  @Test(
    "a recording player's URLSession answers the 302 and records it; nothing is sent elsewhere")
  func sessionRecordingNotFollowed() async throws {
    let recorder = CassetteRecorder()
    let player = try CassettePlayer(
      cassette: Cassette(interactions: []), source: "memory",
      recording: RecordingSetup(
        transport: RecordingTransport(upstream: SameOriginTransport(), recorder: recorder),
        recordsEverything: true))
    let session = player.makeURLSession()
    let location = try await RedirectingServers.with { _, other in
      other.appending(path: "landed").absoluteString
    } _: { servers in
      let (body, response) = try await session.send(
        Self.credentialed(servers.origin.baseURL.appending(path: "v1/tasks/t1")))
      #expect(response.statusCode == 302)
      #expect(String(decoding: body, as: UTF8.self) == RedirectingServers.redirectBody)
      #expect(servers.credentialsReceivedByOther == [])
      #expect(servers.receivedByOther.isEmpty)
      return servers.other.baseURL.appending(path: "landed").absoluteString
    }
    let interaction = try #require(recorder.cassette().interactions.first)
    #expect(interaction.response.status == 302)
    #expect(interaction.response.headers["Location"] == location)
  }

  @Test("the cassette trait records through one by default: the 302 is recorded, not followed")
  func traitRecordsTheRedirect() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    var trait = CassetteTrait.cassette("redirected", record: .once)
    trait.environment = ["TAPE_CASSETTES": folder.path]
    let said = Mutex<[String]>([])
    trait.announce = { text in said.withLock { $0.append(text) } }
    let test = try #require(Test.current)
    try await RedirectingServers.with { _, other in
      other.appending(path: "landed").absoluteString
    } _: { servers in
      let url = servers.origin.baseURL.appending(path: "v1/tasks/t1")
      try await trait.provideScope(for: test, testCase: Test.Case.current) {
        let tape = try #require(CassettePlayer.current)
        let (_, response) = try await tape.transport.send(Self.credentialed(url))
        #expect(response.statusCode == 302)
      }
      #expect(
        said.withLock { $0.map { $0.hasPrefix("Tape recorded 1 interaction into ") } } == [true])
      #expect(servers.credentialsReceivedByOther == [])
      #expect(servers.receivedByOther.isEmpty)
    }
    let cassette = try CassetteFile.load(from: folder.appending(path: "redirected.json"))
    #expect(cassette.interactions.map(\.response.status) == [302])
  }

  @Test("the session has no URL cache, and a caller's configuration is left as it was")
  func noURLCache() {
    let configuration = URLSessionConfiguration.ephemeral
    let cache = configuration.urlCache
    let transport = SameOriginTransport(configuration: configuration)
    #expect(transport.session.configuration.urlCache == nil)
    #expect(SameOriginTransport.shared.session.configuration.urlCache == nil)
    #expect(configuration.urlCache === cache)
  }
}
