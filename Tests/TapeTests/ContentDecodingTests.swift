import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Content decoding")
struct ContentDecodingTests {
  @Test("a body still in its coding is decoded; one its transport decoded is left as it is")
  func outcomes() {
    let token = InflateInputs.token
    #expect(ContentDecoding.decode(InflateFixtures.tokenGzip, coding: "gzip") == .decoded(token))
    #expect(ContentDecoding.decode(InflateFixtures.tokenGzip, coding: " GZIP ") == .decoded(token))
    #expect(ContentDecoding.decode(InflateFixtures.tokenZlib, coding: "deflate") == .decoded(token))
    #expect(ContentDecoding.decode(InflateFixtures.tokenRaw, coding: "deflate") == .decoded(token))
    for coding in ["gzip", "deflate", "br", "zstd"] {
      #expect(ContentDecoding.decode(token, coding: coding) == .notEncoded, "\(coding)")
      #expect(ContentDecoding.decode(Data(), coding: coding) == .notEncoded, "\(coding)")
    }
    // Still compressed, but broken: the error says what and where.
    var corrupt = [UInt8](InflateFixtures.tokenGzip)
    corrupt[corrupt.count - 6] ^= 0xff
    guard case .undecodable(let error) = ContentDecoding.decode(Data(corrupt), coding: "gzip")
    else {
      Issue.record("a gzip body with a wrong CRC-32 decoded")
      return
    }
    #expect(error.offset == corrupt.count - 8)
    let truncated = InflateFixtures.tokenRaw.dropLast(10)
    guard case .undecodable = ContentDecoding.decode(Data(truncated), coding: "deflate") else {
      Issue.record("a truncated raw deflate body was taken as already decoded")
      return
    }
    // Past the limit: not decoded, whatever its size.
    guard
      case .undecodable(let limit) = ContentDecoding.decode(
        InflateFixtures.tokenGzip, coding: "gzip", limit: 100)
    else {
      Issue.record("a body over the limit decoded")
      return
    }
    #expect(limit.problem == .outputLimitExceeded(limit: 100))
  }

  @Test("text that happens to be a whole raw deflate stream is taken for decoded text")
  func textThatInflates() throws {
    // Both decode, to the end, as fixed-code blocks (Python's zlib agrees), to bytes that
    // are not UTF-8: the transport had decoded them.
    for text in [#"{"ok":{}}  "#, "{true: "] {
      let body = Data(text.utf8)
      #expect(try Inflate.raw(body).isEmpty == false)
      #expect(ContentDecoding.decode(body, coding: "deflate") == .notEncoded, "\(text)")
    }
  }

  @Test("thousands of already-decoded JSON and text bodies are never taken for deflate streams")
  func textIsNotDeflate() {
    var random = SplitMix(seed: 91)
    let words = ["status", "RUNNING", "{", "}", "[", "]", "\"", ":", ",", "42", "x^", "progress"]
    for round in 0..<3000 {
      let count = 1 + random.next(below: 40)
      var text = round % 3 == 0 ? "{" : ""
      for _ in 0..<count { text += words[random.next(below: words.count)] }
      for coding in ["gzip", "deflate"] {
        let outcome = ContentDecoding.decode(Data(text.utf8), coding: coding)
        #expect(outcome == .notEncoded, "\(coding) \(text)")
      }
    }
  }

  @Test(
    "recorded from a transport that does not decode: stored decoded, redacted, replayed plain",
    arguments: [
      ("gzip", InflateFixtures.tokenGzip), ("deflate", InflateFixtures.tokenZlib),
      ("deflate", InflateFixtures.tokenRaw),
    ])
  func recordedDecoded(coding: String, compressed: Data) async throws {
    let upstream = CannedTransport { _ in
      (
        200,
        [
          "Content-Type": "application/json", "Content-Encoding": coding,
          "Content-Length": String(compressed.count),
        ],
        compressed
      )
    }
    let recorder = CassetteRecorder()
    let url = URL(string: "http://127.0.0.1:9/v3/auth/tokens")!
    let (live, _) = try await RecordingTransport(upstream: upstream, recorder: recorder)
      .send(URLRequest(url: url))
    #expect(live == compressed, "the caller gets what the transport gave")

    let cassette = recorder.cassette()
    let response = try #require(cassette.interactions.first?.response)
    #expect(response.body?.decodedFrom == coding)
    #expect(response.headers["Content-Encoding"] == nil)
    let stored = try #require(response.body)
    guard case .json(let tree) = stored.content else {
      Issue.record("stored as \(stored.content), not JSON")
      return
    }
    #expect(tree["access_token"]?.stringValue == "<ACCESS_TOKEN>")
    #expect(tree["task"]?["status"]?.stringValue == "SUCCESS")
    // The decoded length (redaction shortens the body afterwards; replay sends its own).
    #expect(response.headers["Content-Length"] == String(InflateInputs.token.count))
    let file = String(decoding: CassetteFile.encode(cassette), as: UTF8.self)
    #expect(!file.contains("MIIZgzipLiveToken"))

    let player = try CassettePlayer(cassette: cassette, source: "memory")
    let (replayed, head) = try await player.transport.send(URLRequest(url: url))
    #expect(head.value(forHTTPHeaderField: "Content-Encoding") == nil)
    #expect(head.value(forHTTPHeaderField: "Content-Length") == String(replayed.count))
    #expect(String(decoding: replayed, as: UTF8.self).contains(#""status":"SUCCESS""#))
  }

  @Test("a compressed body that does not decode is stored as it came, with its header")
  func undecodableStoredAsItCame() async throws {
    var corrupt = [UInt8](InflateFixtures.tokenGzip)
    corrupt[corrupt.count - 8] ^= 0x01  // the CRC-32
    let body = Data(corrupt)
    let upstream = CannedTransport { _ in
      (200, ["Content-Type": "application/json", "Content-Encoding": "gzip"], body)
    }
    let recorder = CassetteRecorder()
    let url = URL(string: "http://127.0.0.1:9/v3/auth/tokens")!
    _ = try await RecordingTransport(upstream: upstream, recorder: recorder)
      .send(URLRequest(url: url))
    let cassette = recorder.cassette()
    let response = try #require(cassette.interactions.first?.response)
    #expect(response.body == RecordedBody(.base64(body)))
    #expect(response.headers["Content-Encoding"] == "gzip")
    let player = try CassettePlayer(cassette: cassette, source: "memory")
    let (replayed, head) = try await player.transport.send(URLRequest(url: url))
    #expect(replayed == body)
    #expect(head.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
  }
}
