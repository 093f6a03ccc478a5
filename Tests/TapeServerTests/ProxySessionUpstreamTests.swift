import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Tape
import TapeServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The proxy's upstream for the cloud (https) is a `SameOriginTransport`, a URLSession: TLS
/// cannot run here without a certificate, so the same transport is run against a plain
/// loopback upstream, which exercises everything of that path but the handshake.
@Suite("ForwardingProxy through a URLSession upstream (the cloud's path)")
struct ProxySessionUpstreamTests {
  @Test("a gzip answer reaches the client decoded, and is recorded decoded and redacted")
  func gzipThroughSession() async throws {
    let upstream = try HTTPServer.start { _ in
      HTTPResponse(
        status: 200,
        headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"],
        body: CompressedAnswers.gzip)
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder(redactor: .huaweiCloud, environment: [:])
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: SameOriginTransport(), recorder: recorder)
    var request = URLRequest(url: proxy.baseURL.appending(path: "v3/auth/tokens"))
    request.setValue("MIIclientToken0123456789abcdefghij", forHTTPHeaderField: "X-Auth-Token")
    let (body, response) = try await PlainHTTPTransport().send(request)
    await proxy.stop()
    // URLSession decoded the answer: the client gets the JSON, without Content-Encoding.
    #expect(response.statusCode == 200)
    #expect(body == CompressedAnswers.token)
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == nil)
    let recorded = try #require(recorder.interactions.first)
    #expect(recorded.response.body?.decodedFrom == "gzip")
    #expect(recorded.response.headers["Content-Encoding"] == nil)
    #expect(recorded.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
    let text = String(decoding: CassetteFile.encode(recorder.cassette()), as: UTF8.self)
    #expect(!text.contains("MIIZgzipLiveToken"))
    #expect(!text.contains("MIIclientToken"))
    #expect(text.contains(#""access_token": "<ACCESS_TOKEN>""#))
  }
}
