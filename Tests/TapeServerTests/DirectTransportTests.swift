import Dispatch
import Foundation
import Synchronization
import SystemInterface
import TapeServer
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What `tape poll` sends through: plain sockets for http://, which stop at once when the
/// request is cancelled (`--deadline`, Ctrl-C), and read a compressed answer as URLSession
/// would for a client, or as it came for a proxy.
@Suite("DirectTransport and cancelling plain requests")
struct DirectTransportTests {
  @Test("cancelling a request an upstream never answers fails it as cancelled, the socket shut")
  func cancelSilentUpstream() async throws {
    let asked = DispatchSemaphore(value: 0)
    let closed = DispatchSemaphore(value: 0)
    let upstreamSide = Mutex<Int32?>(nil)
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      guard upstream.read(peer) != nil else { return }
      upstreamSide.withLock { $0 = peer.descriptor }
      asked.signal()
      // Never answers; waits for the client to go away.
      _ = upstream.read(peer)
      closed.signal()
    }
    defer { upstream.stop() }
    // An hour's timeout: only the cancel can end the request.
    let transport = DirectTransport(plain: PlainHTTPTransport(timeout: .seconds(3600)))
    let request = URLRequest(url: upstream.baseURL.appending(path: "silent"))
    let sending = Task { try await transport.send(request) }
    try await onThread { asked.wait() }
    sending.cancel()
    // The upstream sees the connection end. (Should it not within 30 s, the upstream ends it,
    // so that a failing test fails rather than hangs.)
    let shut = try await onThread { closed.wait(timeout: .now() + 30) == .success }
    #expect(shut, "the cancelled request's connection stayed open")
    if !shut { upstreamSide.withLock { $0.map { _ = shutdown($0, Int32(SHUT_RDWR)) } } }
    let error = await #expect(throws: URLError.self) { _ = try await sending.value }
    #expect(error?.code == .cancelled)
    // A request whose task is cancelled before it is sent never goes out.
    let cancelledFirst = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try await transport.send(request)
    }
    await #expect(throws: CancellationError.self) { _ = try await cancelledFirst.value }
    #expect(upstream.requests.count == 1)
  }

  @Test("a gzip answer over http:// is decoded for a client and passed as it came for a proxy")
  func compressedAnswers() async throws {
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      while let request = upstream.read(peer) {
        let body = [UInt8](CompressedAnswers.gzip)
        let accepted = request.header("Accept-Encoding") ?? "none"
        peer.write(
          "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nX-Accepted: \(accepted)\r\n"
            + "Content-Length: \(body.count)\r\n\r\n")
        peer.write(body)
      }
    }
    defer { upstream.stop() }
    let request = URLRequest(url: upstream.baseURL.appending(path: "token"))
    let (decoded, response) = try await DirectTransport().send(request)
    #expect(decoded == CompressedAnswers.token)
    #expect(response.value(forHTTPHeaderField: "X-Accepted") == "gzip, deflate")
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
    let (asCame, passed) = try await DirectTransport(decodesContent: false).send(request)
    #expect(asCame == CompressedAnswers.gzip)
    #expect(passed.value(forHTTPHeaderField: "X-Accepted") == "none")
  }
}
