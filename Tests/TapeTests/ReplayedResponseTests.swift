import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The player makes an interaction's `HTTPURLResponse` once and answers a poll with it; a
/// request with another URL, or a fault with another status, still gets its own.
@Suite("Replayed responses")
struct ReplayedResponseTests {
  @Test("each answer carries its own request's URL and status, through the transport and a session")
  func ownURLAndStatus() async throws {
    let cassette = Cassette(interactions: [
      Interaction(
        request: RecordedRequest(method: "GET", url: "https://cloud.example.invalid/v2/x"),
        response: RecordedResponse(
          status: 200, headers: ["Content-Type": "application/json; charset=utf-8"],
          body: RecordedBody(.text("{}"))))
    ])
    let player = try CassettePlayer(
      cassette: cassette, source: "test",
      configuration: ReplayConfiguration(
        matchers: [.method, .path], faults: [0: FaultOverlay.status(503).onPlay(4)]))
    let urls = [
      "https://cloud.example.invalid/v2/x?a=1", "https://cloud.example.invalid/v2/x?a=2",
      "https://cloud.example.invalid/v2/x?a=2", "https://cloud.example.invalid/v2/x?a=2",
      "https://cloud.example.invalid/v2/x?a=2", "https://other.example.invalid/v2/x",
    ]
    var seen: [String] = []
    for url in urls {
      let (_, response) = try await player.transport.send(URLRequest(url: URL(string: url)!))
      seen.append("\(response.statusCode) \(response.url?.absoluteString ?? "-")")
      #expect(
        response.value(forHTTPHeaderField: "content-type") == "application/json; charset=utf-8")
    }
    #expect(
      seen == [
        "200 https://cloud.example.invalid/v2/x?a=1", "200 https://cloud.example.invalid/v2/x?a=2",
        "200 https://cloud.example.invalid/v2/x?a=2", "503 https://cloud.example.invalid/v2/x?a=2",
        "200 https://cloud.example.invalid/v2/x?a=2", "200 https://other.example.invalid/v2/x",
      ])
    let session = player.makeURLSession()
    for url in ["https://cloud.example.invalid/v2/x?b=1", "https://cloud.example.invalid/v2/x?b=2"]
    {
      let (_, response) = try await session.data(from: URL(string: url)!)
      #expect(response.url?.absoluteString == url)
    }
  }
}
