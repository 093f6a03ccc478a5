import Foundation
import LoopbackHTTP
import Tape
import TapeServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The proxy keeps (records) each exchange after its answer has gone back to the client, on
/// the connection's thread; stopping it waits for that, so nothing answered is missing from
/// the recorder (that the work runs there is checked in LoopbackHTTP's `AfterSendingTests`).
@Suite("ForwardingProxy")
struct ForwardingProxyTests {
  @Test("every exchange answered before stop() is in the recorder, in the order it was sent")
  func stopWaitsForKeeping() async throws {
    // Large answers, each made into an HTTPURLResponse and kept after it has gone back.
    let rows =
      "[" + Array(repeating: #"{"id":1,"name":"row"}"#, count: 15_000).joined(separator: ",")
    let upstream = try HTTPServer.start(configuration: .init(idleTimeout: .seconds(60))) {
      request in
      .json(
        text:
          #"{"path":"\#(request.path)","token":"MIIAnswerToken00000000000000","rows":\#(rows)]}"#)
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder()
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(), recorder: recorder)
    let client = PlainHTTPTransport()
    for index in 0..<5 {
      let (body, response) = try await client.send(
        URLRequest(url: proxy.baseURL.appending(path: "task/\(index)")))
      #expect(response.statusCode == 200)
      #expect(String(decoding: body, as: UTF8.self).contains("/task/\(index)"))
    }
    await proxy.stop()
    let interactions = recorder.interactions
    #expect(interactions.count == 5)
    #expect(interactions.map(\.request.url) == (0..<5).map { "\(upstream.baseURL)/task/\($0)" })
    // Kept redacted: the token in the answers is a placeholder in the recorder.
    let text = String(decoding: CassetteFile.encode(recorder.cassette()), as: UTF8.self)
    #expect(!text.contains("MIIAnswerToken"))
  }
}
