import Dispatch
import Foundation
import HTTPTransportCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `SameOriginTransport`, what `tape poll` and the proxy send through to the cloud, keeps an
/// answer's body up to its limit: past it the request fails, clearly, and the body is let
/// go. (URLSession on Linux reads on until its cancel gets through its read loop, which
/// against a loopback server sending as fast as it can may take seconds; over plain
/// sockets, for http://, the connection closes at the limit: see `ProxyFidelityTests`.)
@Suite("SameOriginTransport: the body limit")
struct SameOriginBodyLimitTests {
  @Test("an overlong chunked answer fails at the limit with dataLengthExceedsMaximum")
  func endlessChunkedBody() async throws {
    let limit = 1 << 20
    let cap = 256 << 20
    // A correct end only after 256 times the client's limit.
    let upstream = try EndlessChunkedUpstream(cap: cap)
    defer { upstream.stop() }
    let transport = SameOriginTransport(maximumBodyBytes: limit)
    let url = upstream.baseURL.appending(path: "export")
    let error = await #expect(throws: URLError.self) {
      _ = try await transport.send(URLRequest(url: url))
    }
    #expect(error?.code == .dataLengthExceedsMaximum)
    #expect(
      error?.localizedDescription
        == "the answer's body is larger than 1048576 bytes (1 MiB): the request was cancelled")
    #expect(error?.failingURL == url)
    // The answer ends (at the cap, or sooner when the client closes), whatever the client does.
    _ = try await upstream.bytesSentBeforeClose()
  }

  @Test("a body at the limit is read whole; one byte over fails")
  func atTheLimit() async throws {
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      while let request = upstream.read(peer) {
        let size = request.target.hasSuffix("over") ? 1025 : 1024
        peer.write(
          "HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n" + String(repeating: "y", count: size)
        )
      }
    }
    defer { upstream.stop() }
    let transport = SameOriginTransport(maximumBodyBytes: 1024)
    let (body, response) = try await transport.send(
      URLRequest(url: upstream.baseURL.appending(path: "at")))
    #expect(response.statusCode == 200)
    #expect(body.count == 1024)
    let error = await #expect(throws: URLError.self) {
      _ = try await transport.send(URLRequest(url: upstream.baseURL.appending(path: "over")))
    }
    #expect(error?.code == .dataLengthExceedsMaximum)
  }
}
