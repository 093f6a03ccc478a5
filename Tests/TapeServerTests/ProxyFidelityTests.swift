import Foundation
import LoopbackHTTP
import Synchronization
import Tape
import Testing

@testable import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The proxy and its HTTP client do what the client and the service did: the upstream gets
/// the request as sent (or the client a refusal saying why it cannot be), the client gets the
/// answer as it came (or a 502 saying why it cannot be read), and nothing is sent twice that
/// must not be.
@Suite("tape proxy fidelity")
struct ProxyFidelityTests {
  /// The requests an upstream was sent.
  final class Seen: Sendable {
    private let requests = Mutex<[HTTPRequest]>([])
    /// Every request so far, in order.
    var all: [HTTPRequest] { requests.withLock { $0 } }
    func add(_ request: HTTPRequest) { requests.withLock { $0.append(request) } }
  }

  /// An upstream that keeps each request it is sent and answers `200 seen`.
  static func recordingUpstream() throws -> (HTTPServer, Seen) {
    let seen = Seen()
    let server = try HTTPServer.start(configuration: .init(idleTimeout: .seconds(60))) { request in
      seen.add(request)
      return .text("seen")
    }
    return (server, seen)
  }

  /// A player for a one-interaction cassette answering `GET /v2/replayed`.
  static func player() throws -> CassettePlayer {
    try CassettePlayer(
      cassette: Cassette(interactions: [
        Interaction(
          request: RecordedRequest(method: "GET", url: "http://127.0.0.1/v2/replayed"),
          response: RecordedResponse(
            status: 200, headers: [:], body: RecordedBody(.text("replayed"))))
      ]),
      source: "test", configuration: ReplayConfiguration(matchers: [.method, .path, .query]))
  }

  /// Sends `request` (raw text) to `port` on a raw socket and reads the answer.
  static func exchange(_ request: String, port: UInt16, method: String = "GET") async throws
    -> HTTPResponseMessage
  {
    try await onThread {
      let client = try RawClient(port: port)
      client.send(request)
      return try client.readAnswer(method: method)
    }
  }

  @Test(
    "an absolute-form target goes upstream as its path and query; a percent-encoded path as sent",
    arguments: [false, true])
  func absoluteForm(replaying: Bool) async throws {
    let (upstream, seen) = try Self.recordingUpstream()
    defer { upstream.beginStop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(),
      replaying: replaying ? try Self.player() : nil)
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let targets = [
      (
        "http://codearts.example.invalid/v2/tasks/x/progress?limit=2&a=%20",
        "/v2/tasks/x/progress?limit=2&a=%20"
      ),
      ("HTTP://Host:8080?q=1", "/?q=1"),
      ("/v2/tasks/a%2Fb/", "/v2/tasks/a%2Fb/"),
      ("/v2//double;p=1?", "/v2//double;p=1?"),
    ]
    for (target, _) in targets {
      let answer = try await Self.exchange(
        "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port)
      #expect(answer.head.status == 200, "\(target)")
      #expect(String(decoding: answer.body, as: UTF8.self) == "seen", "\(target)")
    }
    #expect(seen.all.map(\.target) == targets.map(\.1))
    if replaying {
      let replayed = try await Self.exchange(
        "GET http://codearts.example.invalid/v2/replayed HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        port: port)
      #expect(String(decoding: replayed.body, as: UTF8.self) == "replayed")
      #expect(seen.all.count == targets.count)
    }
    await proxy.stop()
  }

  @Test(
    "a target that cannot go as sent is answered 400 naming it, and nothing goes upstream",
    arguments: [
      ("/a|b", "it would go as /a%7Cb"), ("/%zz", "it would go as /%25zz"),
      ("/a{b}?q=|", "is not a URI path and query"), ("/a#fragment", "send no fragment"),
    ])
  func unforwardableTarget(target: String, says: String) async throws {
    let (upstream, seen) = try Self.recordingUpstream()
    defer { upstream.beginStop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let answer = try await Self.exchange(
      "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port)
    let text = String(decoding: answer.body, as: UTF8.self)
    #expect(answer.head.status == 400)
    #expect(text.contains("the request target \(target) cannot be forwarded as sent"), "\(text)")
    #expect(text.contains(says), "\(text)")
    let star = try await Self.exchange("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port)
    #expect(star.head.status == 400)
    #expect(
      String(decoding: star.body, as: UTF8.self).contains("the request target * is not forwarded"))
    await proxy.stop()
    #expect(seen.all.isEmpty)
  }

  @Test(
    "methods are case-sensitive: one URLRequest would change is refused 501, others go as spelled",
    arguments: [false, true])
  func methodCase(replaying: Bool) async throws {
    let (upstream, seen) = try Self.recordingUpstream()
    defer { upstream.beginStop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(),
      replaying: replaying ? try Self.player() : nil)
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    for method in ["get", "Get", "post", "delete"] {
      let answer = try await Self.exchange(
        "\(method) /v2/replayed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
        port: port)
      let text = String(decoding: answer.body, as: UTF8.self)
      #expect(answer.head.status == 501, "\(method): \(text)")
      #expect(text.contains("the method \(method) is not forwarded: methods are case-sensitive"))
      #expect(text.contains("would make it \(method.uppercased())"))
    }
    #expect(seen.all.isEmpty)
    for method in ["patch", "PURGE", "options"] {
      let answer = try await Self.exchange(
        "\(method) /v2/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", port: port)
      #expect(answer.head.status == 200, "\(method)")
    }
    #expect(seen.all.map(\.method) == ["patch", "PURGE", "options"])
    await proxy.stop()
  }

  @Test("a POST on a kept-alive connection the upstream closes after reading it arrives once: 502")
  func postNotSentTwice() async throws {
    // Connection 0: answers the GET, reads the POST, closes without answering. Any later
    // connection answers whatever it reads.
    let upstream = try ScriptedUpstream { connection, upstream, peer in
      defer { peer.close() }
      if connection == 0 {
        guard upstream.read(peer) != nil else { return }
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
        _ = upstream.read(peer)
        return
      }
      while let request = upstream.read(peer) {
        peer.write(
          "HTTP/1.1 200 OK\r\nContent-Length: \(request.method.utf8.count)\r\n\r\n\(request.method)"
        )
      }
    }
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let first = try await Self.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    #expect(String(decoding: first.body, as: UTF8.self) == "first")
    let post = try await Self.exchange(
      "POST /v2/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", port: port)
    let text = String(decoding: post.body, as: UTF8.self)
    #expect(post.head.status == 502)
    #expect(
      text.contains("not sent again, since POST is not idempotent (RFC 9110 §9.2.2)"), "\(text)")
    await proxy.stop()
    #expect(upstream.requests.map(\.line) == ["GET /a HTTP/1.1", "POST /v2/jobs HTTP/1.1"])
  }

  @Test("a PUT in the same place is idempotent: sent again once, on a new connection")
  func putSentAgain() async throws {
    let upstream = try ScriptedUpstream { connection, upstream, peer in
      defer { peer.close() }
      if connection == 0 {
        guard upstream.read(peer) != nil else { return }
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
        _ = upstream.read(peer)
        return
      }
      while upstream.read(peer) != nil {
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain")
      }
    }
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    _ = try await Self.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    let put = try await Self.exchange(
      "PUT /v2/jobs/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", port: port)
    #expect(put.head.status == 200)
    #expect(String(decoding: put.body, as: UTF8.self) == "again")
    await proxy.stop()
    #expect(
      upstream.requests.map(\.line)
        == ["GET /a HTTP/1.1", "PUT /v2/jobs/1 HTTP/1.1", "PUT /v2/jobs/1 HTTP/1.1"])
  }

  @Test("a POST after the upstream closed the idle connection goes on a new one, once")
  func postAfterIdleClose() async throws {
    let closed = DispatchSemaphore(value: 0)
    let upstream = try ScriptedUpstream { connection, upstream, peer in
      if connection == 0 {
        // Answers, then closes while the connection is idle (as a keep-alive timeout does).
        _ = upstream.read(peer)
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
        peer.close()
        closed.signal()
        return
      }
      defer { peer.close() }
      while upstream.read(peer) != nil {
        peer.write("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
      }
    }
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    _ = try await Self.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    try await onThread { closed.wait() }
    let post = try await Self.exchange(
      "POST /v2/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", port: port)
    #expect(post.head.status == 201, "\(String(decoding: post.body, as: UTF8.self))")
    await proxy.stop()
    #expect(upstream.requests.map(\.line) == ["GET /a HTTP/1.1", "POST /v2/jobs HTTP/1.1"])
  }

  @Test("interim answers are skipped and the connection stays in step; 101 is a 502")
  func interimAnswers() async throws {
    let upstream = try ScriptedUpstream { connection, upstream, peer in
      defer { peer.close() }
      var index = 0
      while let request = upstream.read(peer) {
        index += 1
        if request.target == "/switch" {
          peer.write(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n")
          return
        }
        let interim =
          index == 1
          ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n" : ""
        let body = "answer \(index) on connection \(connection)"
        peer.write(interim + "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
      }
    }
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    var bodies: [String] = []
    for _ in 0..<3 {
      let answer = try await Self.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
      #expect(answer.head.status == 200)
      bodies.append(String(decoding: answer.body, as: UTF8.self))
    }
    #expect(bodies == (1...3).map { "answer \($0) on connection 0" })
    let switched = try await Self.exchange("GET /switch HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    #expect(switched.head.status == 502)
    #expect(
      String(decoding: switched.body, as: UTF8.self).contains(
        "the server switched protocols (101 Switching Protocols)"))
    await proxy.stop()
  }

  @Test("Expect: 100-continue is answered by the proxy and not forwarded")
  func expectNotForwarded() async throws {
    let (upstream, seen) = try Self.recordingUpstream()
    defer { upstream.beginStop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let (interim, answer) = try await onThread {
      let client = try RawClient(port: port)
      client.send(
        "POST /v2/jobs HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
      let interim = client.readInterimLine()
      client.send("{}")
      return (interim, try client.readAnswer(method: "POST"))
    }
    #expect(interim == "HTTP/1.1 100 Continue")
    #expect(answer.head.status == 200)
    await proxy.stop()
    let forwarded = try #require(seen.all.first)
    #expect(forwarded.headers["Expect"] == nil)
    #expect(forwarded.bodyText == "{}")
  }

  @Test("an endless chunked answer stops at the transport's limit: 502, the connection dropped")
  func endlessChunkedBody() async throws {
    let limit = 1 << 20
    let cap = 16 << 20
    // Endless as far as the proxy can tell: a correct end only after 16 times its limit.
    let upstream = try EndlessChunkedUpstream(cap: cap)
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL,
      transport: PlainHTTPTransport(limits: .init(maxBodyBytes: limit)))
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let answer = try await Self.exchange("GET /export HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    let text = String(decoding: answer.body, as: UTF8.self)
    #expect(answer.head.status == 502, "\(answer.body.count) bytes")
    #expect(
      text.contains(
        "the upstream's answer is too large: the body is larger than 1048576 bytes"),
      "\(text.prefix(300))")
    await proxy.stop()
    // The proxy closed the connection at the limit: the upstream's writes failed long before
    // its end (the socket buffers hold a few MiB at most).
    let sent = try await upstream.bytesSentBeforeClose()
    #expect(sent.map { $0 < cap / 2 } == true, "\(String(describing: sent))")
  }

  @Test("the reason phrase and repeated fields reach the client as the upstream sent them")
  func answerAsSent() async throws {
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      while upstream.read(peer) != nil {
        peer.write(
          "HTTP/1.1 202 Taken In Hand\r\nSet-Cookie: a=1; Path=/\r\nX-B: 1\r\n"
            + "Set-Cookie: b=2, c\r\nX-Rep: 1\r\nx-rep: 2\r\nContent-Length: 2\r\n\r\nok")
      }
    }
    defer { upstream.stop() }
    let recorder = CassetteRecorder()
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(), recorder: recorder)
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    let answer = try await Self.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", port: port)
    #expect(answer.head.status == 202)
    #expect(answer.head.reasonPhrase == "Taken In Hand")
    #expect(answer.head.headers.values(for: "Set-Cookie") == ["a=1; Path=/", "b=2, c"])
    #expect(
      answer.head.headers.fields.map(\.name).prefix(3) == ["Set-Cookie", "X-B", "Set-Cookie"])
    await proxy.stop()
    let recorded = try #require(recorder.interactions.first?.response)
    #expect(recorded.status == 202)
    // Recorded as the HTTPURLResponse the plain transport makes would have it: a repeated
    // name once, in its first spelling, its values joined in order.
    #expect(
      recorded.headers.fields.map { "\($0.name): \($0.value)" } == [
        "Content-Length: 2", "Set-Cookie: <SET_COOKIE>", "X-B: 1", "X-Rep: 1, 2",
      ])
  }

  @Test("a GET goes without Content-Length, an empty POST with Content-Length: 0, as clients send")
  func contentLength() async throws {
    let upstream = try ScriptedUpstream { _, upstream, peer in
      defer { peer.close() }
      while upstream.read(peer) != nil {
        peer.write("HTTP/1.1 204 No Content\r\n\r\n")
      }
    }
    defer { upstream.stop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let port = try #require(proxy.baseURL.port.map(UInt16.init))
    for request in [
      "GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
      "PUT /c HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
    ] {
      let answer = try await Self.exchange(request, port: port)
      #expect(answer.head.status == 204)
    }
    await proxy.stop()
    #expect(upstream.requests.map { $0.header("Content-Length") } == [nil, "0", "2"])
  }
}
