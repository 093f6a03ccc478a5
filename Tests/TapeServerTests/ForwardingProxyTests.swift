import Foundation
import JSONTree
import LoopbackHTTP
import Synchronization
import Tape
import Testing

@testable import TapeServer

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

  /// The one interaction `recorder` holds: its response's body must be the token answer,
  /// stored as JSON decoded from `coding`, its secret a placeholder.
  func expectRecordedDecoded(
    _ recorder: CassetteRecorder, from coding: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let cassette = recorder.cassette()
    let response = try #require(cassette.interactions.first?.response)
    #expect(response.body?.decodedFrom == coding, sourceLocation: sourceLocation)
    #expect(response.headers["Content-Encoding"] == nil, sourceLocation: sourceLocation)
    #expect(
      response.headers["Content-Length"] == String(CompressedAnswers.token.count),
      sourceLocation: sourceLocation)
    guard case .json(let tree) = response.body?.content else {
      Issue.record(
        "stored as \(String(describing: response.body?.content)), not JSON",
        sourceLocation: sourceLocation)
      return
    }
    #expect(tree["access_token"]?.stringValue == "<ACCESS_TOKEN>", sourceLocation: sourceLocation)
    #expect(tree["task"]?["status"]?.stringValue == "SUCCESS", sourceLocation: sourceLocation)
    let file = String(decoding: CassetteFile.encode(cassette), as: UTF8.self)
    #expect(!file.contains("MIIZgzipLiveToken"), sourceLocation: sourceLocation)
  }

  @Test(
    "a compressed answer reaches the client byte for byte with its Content-Encoding, and is recorded decoded and redacted",
    arguments: [
      ("gzip", CompressedAnswers.gzip), ("deflate", CompressedAnswers.zlib),
      ("deflate", CompressedAnswers.raw),
    ])
  func compressedAnswer(coding: String, compressed: Data) async throws {
    let acceptEncoding = Mutex<[String?]>([])
    let upstream = try HTTPServer.start { request in
      acceptEncoding.withLock { $0.append(request.headers["Accept-Encoding"]) }
      return .json(compressed, headers: ["Content-Encoding": coding])
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder()
    let warnings = Mutex<[String]>([])
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(), recorder: recorder,
      warn: { text in warnings.withLock { $0.append(text) } })
    var request = URLRequest(url: proxy.baseURL.appending(path: "v3/auth/tokens"))
    request.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
    let (body, response) = try await PlainHTTPTransport().send(request)
    #expect(body == compressed)
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == coding)
    #expect(response.value(forHTTPHeaderField: "Content-Length") == String(compressed.count))
    #expect(acceptEncoding.withLock { $0 } == ["gzip, deflate"])
    await proxy.stop()
    try expectRecordedDecoded(recorder, from: coding)
    #expect(warnings.withLock { $0 }.isEmpty)
  }

  @Test(
    "URLSession as the client decodes what the proxy passes on",
    arguments: [
      ("gzip", CompressedAnswers.gzip), ("deflate", CompressedAnswers.zlib),
      ("deflate", CompressedAnswers.raw),
    ])
  func urlSessionClient(coding: String, compressed: Data) async throws {
    let upstream = try HTTPServer.start { _ in
      .json(compressed, headers: ["Content-Encoding": coding])
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder()
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(), recorder: recorder)
    let session = URLSession(configuration: .ephemeral)
    let (body, response) = try await session.data(
      for: URLRequest(url: proxy.baseURL.appending(path: "v3/auth/tokens")))
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    #expect(body == CompressedAnswers.token)
    await proxy.stop()
    try expectRecordedDecoded(recorder, from: coding)
  }

  @Test("a chunked gzip answer reaches the client whole, compressed, and is recorded decoded")
  func chunkedGzip() async throws {
    let compressed = [UInt8](CompressedAnswers.gzip)
    var answer = Array(
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        + "Transfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n").utf8)
    for chunk in [compressed[0..<10], compressed[10..<50], compressed[50...]] {
      answer += Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + Array("\r\n".utf8)
    }
    answer += Array("0\r\nX-Checksum: 1\r\n\r\n".utf8)
    let port = try CannedServer.start(bytes: answer)
    let upstream = try #require(URL(string: "http://127.0.0.1:\(port)"))
    let recorder = CassetteRecorder()
    let proxy = try ForwardingProxy.start(
      upstream: upstream, transport: PlainHTTPTransport(), recorder: recorder)
    let (body, response) = try await PlainHTTPTransport().send(
      URLRequest(url: proxy.baseURL.appending(path: "v3/auth/tokens")))
    #expect(body == CompressedAnswers.gzip)
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
    #expect(response.value(forHTTPHeaderField: "Content-Length") == String(compressed.count))
    #expect(response.value(forHTTPHeaderField: "Transfer-Encoding") == nil)
    #expect(response.value(forHTTPHeaderField: "Trailer") == nil)
    await proxy.stop()
    try expectRecordedDecoded(recorder, from: "gzip")
    let recorded = try #require(recorder.interactions.first?.response)
    #expect(recorded.headers["Transfer-Encoding"] == nil)
  }

  @Test("a gzip answer that does not decode is passed on and recorded as it came, with a warning")
  func corruptGzip() async throws {
    var corrupt = [UInt8](CompressedAnswers.gzip)
    corrupt[corrupt.count - 8] ^= 0x01  // the CRC-32
    let body = Data(corrupt)
    let upstream = try HTTPServer.start { _ in
      .json(body, headers: ["Content-Encoding": "gzip"])
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder()
    let warnings = Mutex<[String]>([])
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport(), recorder: recorder,
      warn: { text in warnings.withLock { $0.append(text) } })
    let (received, response) = try await PlainHTTPTransport().send(
      URLRequest(
        url: proxy.baseURL.appending(path: "v3/auth/tokens").appending(queryItems: [
          URLQueryItem(name: "access_token", value: "MIIQueryToken")
        ])))
    #expect(received == body)
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
    await proxy.stop()
    let warning = try #require(warnings.withLock { $0 }.first)
    #expect(warning.contains("the gzip answer to GET /v3/auth/tokens from \(upstream.baseURL)"))
    #expect(warning.contains("does not decode (CRC-32 mismatch"))
    #expect(warning.contains("at byte \(corrupt.count - 8)"))
    #expect(warning.contains("recorded as it came"))
    #expect(!warning.contains("MIIQueryToken"))
    let recorded = try #require(recorder.interactions.first?.response)
    #expect(recorded.body == RecordedBody(.base64(body)))
    #expect(recorded.headers["Content-Encoding"] == "gzip")
  }

  @Test("with a transport that decodes (URLSession), the client gets the decoded body unlabelled")
  func transportThatDecodes() async throws {
    let upstream = try HTTPServer.start { _ in
      .json(CompressedAnswers.gzip, headers: ["Content-Encoding": "gzip"])
    }
    defer { upstream.beginStop() }
    let recorder = CassetteRecorder()
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: URLSession(configuration: .ephemeral),
      recorder: recorder)
    let (body, response) = try await PlainHTTPTransport().send(
      URLRequest(url: proxy.baseURL.appending(path: "v3/auth/tokens")))
    #expect(body == CompressedAnswers.token)
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == nil)
    #expect(
      response.value(forHTTPHeaderField: "Content-Length") == String(CompressedAnswers.token.count))
    await proxy.stop()
    try expectRecordedDecoded(recorder, from: "gzip")
  }

  @Test("hop-by-hop headers, and those Connection names, are not passed on either way")
  func hopByHop() async throws {
    let seen = Mutex<HTTPHeaders>([:])
    let upstream = try HTTPServer.start { request in
      seen.withLock { $0 = request.headers }
      return .json(
        CompressedAnswers.gzip,
        headers: [
          "Content-Encoding": "gzip", "Connection": "X-Upstream-Hop, Keep-Alive",
          "Keep-Alive": "timeout=5", "X-Upstream-Hop": "1", "X-End-To-End": "kept",
        ])
    }
    defer { upstream.beginStop() }
    let proxy = try ForwardingProxy.start(
      upstream: upstream.baseURL, transport: PlainHTTPTransport())
    let (_, response) = try await PlainHTTPTransport().send(
      URLRequest(url: proxy.baseURL.appending(path: "x")))
    #expect(response.value(forHTTPHeaderField: "X-Upstream-Hop") == nil)
    #expect(response.value(forHTTPHeaderField: "Keep-Alive") == nil)
    #expect(response.value(forHTTPHeaderField: "X-End-To-End") == "kept")
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
    await proxy.stop()

    // The request side, as the proxy makes it from what the client sent.
    let request = HTTPRequest(
      method: "POST", target: "/v2/tasks?x=1",
      headers: HTTPHeaders([
        (name: "Host", value: "127.0.0.1:9"), (name: "Connection", value: "x-client-hop"),
        (name: "X-Client-Hop", value: "1"), (name: "TE", value: "trailers"),
        (name: "Content-Length", value: "2"), (name: "Accept-Encoding", value: "gzip"),
        (name: "Content-Type", value: "application/json"),
      ]),
      body: Data("{}".utf8))
    let forwarded = try ForwardingProxy.forwarded(request, to: upstream.baseURL)
    let names = Set((forwarded.allHTTPHeaderFields ?? [:]).keys.map { $0.lowercased() })
    #expect(names == ["accept-encoding", "content-type"])
    #expect(forwarded.url?.absoluteString == "\(upstream.baseURL)/v2/tasks?x=1")
    #expect(forwarded.httpBody == Data("{}".utf8))
  }
}
