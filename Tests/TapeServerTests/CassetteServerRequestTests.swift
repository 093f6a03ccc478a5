import Foundation
import LoopbackHTTP
import Tape
import Testing

@testable import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `tape serve` takes a request the way `tape proxy` does (one path from LoopbackHTTP's
/// request to the `URLRequest` the player matches): a method as spelled, an absolute-form
/// target's path, a target refused rather than rewritten, and an answer less the recorded
/// hop-by-hop headers.
@Suite("tape serve takes requests as the proxy does")
struct CassetteServerRequestTests {
  /// A server replaying `GET /v2/replayed`, recorded with hop-by-hop headers.
  static func server() throws -> CassetteServer {
    let player = try CassettePlayer(
      cassette: Cassette(interactions: [
        Interaction(
          request: RecordedRequest(method: "GET", url: "https://cloud.example.invalid/v2/replayed"),
          response: RecordedResponse(
            status: 200,
            headers: [
              "Keep-Alive": "timeout=5", "Connection": "X-Private", "X-Private": "p",
              "X-Kept": "k",
            ],
            body: RecordedBody(.text("replayed"))))
      ]),
      source: "test",
      configuration: ReplayConfiguration(matchers: [.method, .path, .query], exhaustion: .cycle))
    return try CassetteServer.start(player: player, port: 0) { _ in }
  }

  static func exchange(_ request: String, _ server: CassetteServer) async throws
    -> (status: Int, text: String, head: HTTPResponseHead)
  {
    let port = try #require(server.baseURL.port.map(UInt16.init))
    let answer = try await ProxyFidelityTests.exchange(request, port: port)
    return (answer.head.status, String(decoding: answer.body, as: UTF8.self), answer.head)
  }

  @Test("a method URLRequest would change is refused 501, not matched as another method")
  func methodCase() async throws {
    let server = try Self.server()
    for method in ["get", "Get"] {
      let answer = try await Self.exchange(
        "\(method) /v2/replayed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", server)
      #expect(answer.status == 501, "\(method): \(answer.text)")
      #expect(
        answer.text.hasPrefix(
          "tape serve: the method \(method) is not matched: methods are case-sensitive"),
        "\(answer.text)")
    }
    #expect(server.requestCounts.served == 0)
    await server.stop()
  }

  @Test("a target that is not a URI path and query is refused 400, not matched rewritten")
  func targets() async throws {
    let server = try Self.server()
    for (line, says) in [
      ("OPTIONS * HTTP/1.1", "the request target * is not matched"),
      ("GET /v2/replayed{x} HTTP/1.1", "cannot be matched as sent"),
      ("GET /v2/replayed#f HTTP/1.1", "cannot be matched as sent"),
    ] {
      let answer = try await Self.exchange("\(line)\r\nHost: 127.0.0.1\r\n\r\n", server)
      #expect(answer.status == 400, "\(line): \(answer.text)")
      #expect(answer.text.hasPrefix("tape serve: "), "\(answer.text)")
      #expect(answer.text.contains(says), "\(answer.text)")
    }
    #expect(server.requestCounts.served == 0 && server.requestCounts.unmatched == 0)
    await server.stop()
  }

  @Test("an absolute-form target is matched by its path; the answer drops hop-by-hop headers")
  func absoluteFormAndHopByHop() async throws {
    let server = try Self.server()
    for target in ["/v2/replayed", "http://cloud.example.invalid/v2/replayed"] {
      let answer = try await Self.exchange("GET \(target) HTTP/1.1\r\nHost: x\r\n\r\n", server)
      #expect(answer.status == 200, "\(target): \(answer.text)")
      #expect(answer.text == "replayed")
      #expect(answer.head.headers["X-Kept"] == "k")
      #expect(answer.head.headers["Keep-Alive"] == nil)
      #expect(answer.head.headers["X-Private"] == nil)
      #expect(answer.head.headers["Content-Length"] == "8")
    }
    #expect(server.requestCounts.served == 2)
    await server.stop()
  }
}
