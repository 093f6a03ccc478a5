import LoopbackHTTP
import Testing

/// A request the server must refuse, and the status it must refuse it with.
struct Refusal: Sendable, CustomTestStringConvertible {
  /// What is wrong with it.
  let label: String
  /// The bytes sent.
  let request: String
  /// The expected status.
  let status: Int

  var testDescription: String { "\(label) → \(status)" }
}

@Suite("Limits and malformed requests")
struct LimitTests {
  /// Small limits, so that going past them is cheap.
  static let configuration = HTTPServerConfiguration(
    maxHeadBytes: 1024, maxHeaderFields: 10, maxBodyBytes: 100)

  private static let chunkedHead =
    "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"

  static let refusals: [Refusal] = [
    // Request line.
    Refusal(label: "no version", request: "GET /\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "two spaces", request: "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "method not a token", request: "G@T / HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "trailing text", request: "GET / HTTP/1.1 x\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "lower-case version", request: "GET / http/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(
      label: "three-digit version", request: "GET / HTTP/1.10\r\nHost: x\r\n\r\n", status: 400),
    Refusal(
      label: "target not a path", request: "GET index HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "tab separator", request: "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "non-ASCII target", request: "GET /é HTTP/1.1\r\nHost: x\r\n\r\n", status: 400),
    Refusal(label: "HTTP/2.0", request: "GET / HTTP/2.0\r\nHost: x\r\n\r\n", status: 505),
    // Header lines.
    Refusal(label: "no colon", request: "GET / HTTP/1.1\r\nHost x\r\n\r\n", status: 400),
    Refusal(
      label: "space in name", request: "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
      status: 400),
    Refusal(
      label: "space before colon", request: "GET / HTTP/1.1\r\nHost : x\r\n\r\n", status: 400),
    Refusal(label: "empty name", request: "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", status: 400),
    Refusal(
      label: "line folding", request: "GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n", status: 400
    ),
    Refusal(
      label: "NUL in value", request: "GET / HTTP/1.1\r\nHost: x\r\nA: b\u{0}c\r\n\r\n", status: 400
    ),
    Refusal(
      label: "CR without LF", request: "GET / HTTP/1.1\r\nHost: x\rA: b\r\n\r\n", status: 400),
    Refusal(label: "LF without CR", request: "GET / HTTP/1.1\nHost: x\n\n", status: 400),
    Refusal(label: "no Host", request: "GET / HTTP/1.1\r\n\r\n", status: 400),
    Refusal(
      label: "two Hosts", request: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
    Refusal(
      label: "unknown expectation", request: "GET / HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n",
      status: 417),
    // Lengths and codings.
    Refusal(
      label: "negative length", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      status: 400),
    Refusal(
      label: "non-numeric length",
      request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n", status: 400),
    Refusal(
      label: "signed length", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\nx",
      status: 400),
    Refusal(
      label: "empty length", request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n",
      status: 400),
    Refusal(
      label: "duplicate differing lengths",
      request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx",
      status: 400),
    Refusal(
      label: "differing length list",
      request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\nxx", status: 400),
    Refusal(
      label: "length and chunked",
      request:
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
      status: 400),
    Refusal(
      label: "chunked not last",
      request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", status: 400
    ),
    Refusal(
      label: "chunked twice",
      request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
      status: 400),
    Refusal(
      label: "coding with a parameter",
      request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked;q=1\r\n\r\n", status: 400),
    Refusal(
      label: "chunked in HTTP/1.0",
      request: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    // RFC 9112 §6.3: a coding list not ending in chunked cannot be framed: 400.
    Refusal(
      label: "gzip coding",
      request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", status: 400),
    Refusal(
      label: "gzip then chunked",
      request: "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501
    ),
    // Chunks.
    Refusal(
      label: "chunk size not hex", request: chunkedHead + "zz\r\nx\r\n0\r\n\r\n", status: 400),
    Refusal(
      label: "negative chunk size", request: chunkedHead + "-1\r\nx\r\n0\r\n\r\n", status: 400),
    Refusal(label: "empty chunk size", request: chunkedHead + "\r\nx\r\n0\r\n\r\n", status: 400),
    Refusal(label: "0x chunk size", request: chunkedHead + "0x1\r\nx\r\n0\r\n\r\n", status: 400),
    Refusal(
      label: "junk after chunk size", request: chunkedHead + "1 x\r\nx\r\n0\r\n\r\n", status: 400),
    Refusal(
      label: "chunk longer than its size", request: chunkedHead + "1\r\nxy\r\n0\r\n\r\n",
      status: 400),
    Refusal(
      label: "chunk size line with bare LF", request: chunkedHead + "1\nx\r\n0\r\n\r\n", status: 400
    ),
    Refusal(
      label: "NUL in chunk extension", request: chunkedHead + "1;a\u{0}\r\nx\r\n0\r\n\r\n",
      status: 400),
    // Sizes.
    Refusal(
      label: "head over 1 KiB",
      request: "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 1100))\r\n\r\n",
      status: 431),
    Refusal(
      label: "request line over 1 KiB",
      request: "GET /\(String(repeating: "p", count: 2000)) HTTP/1.1\r\nHost: x\r\n\r\n",
      status: 431),
    Refusal(
      label: "11 header fields",
      request: "GET / HTTP/1.1\r\nHost: x\r\n" + (1...10).map { "F\($0): v\r\n" }.joined() + "\r\n",
      status: 431),
    Refusal(
      label: "trailer over 1 KiB",
      request: chunkedHead + "0\r\nX-T: \(String(repeating: "t", count: 1100))\r\n\r\n", status: 431
    ),
    Refusal(
      label: "length over 100",
      request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n", status: 413),
    Refusal(
      label: "absurd length",
      request: "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999999\r\n\r\n",
      status: 413),
    Refusal(
      label: "chunks over 100",
      request: chunkedHead
        + "60\r\n\(String(repeating: "a", count: 96))\r\n5\r\nabcde\r\n0\r\n\r\n", status: 413),
    Refusal(
      label: "absurd chunk size", request: chunkedHead + "FFFFFFFFFFFFFFFFFFFFFFFF\r\n", status: 413
    ),
  ]

  @Test("is refused with the right status, then the connection closes", arguments: refusals)
  func refused(_ refusal: Refusal) async throws {
    try await withServer(Self.configuration) { server in
      let port = server.port
      let (response, rest) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(refusal.request)
        return (try connection.readResponse(), try connection.readUntilClosed())
      }
      #expect(response.status == refusal.status)
      #expect(response.reason == HTTPResponse.standardReasonPhrase(for: refusal.status))
      #expect(response.header("Connection") == "close")
      #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
      #expect(rest.isEmpty)
    }
  }

  @Test(
    "is accepted at the limits and with agreeing duplicates",
    arguments: [
      "GET / HTTP/1.1\r\nHost: x\r\n" + (1...9).map { "F\($0): v\r\n" }.joined() + "\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0003\r\n\r\nabc",
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: CHUNKED\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
      "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 980))\r\n\r\n",
      "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET http://example.com/abs?q HTTP/1.1\r\nHost: example.com\r\n\r\n",
      "GET / HTTP/1.2\r\nHost: x\r\nX-Utf8: Zoë ✓\r\n\r\n",
    ])
  func accepted(_ request: String) async throws {
    try await withServer(Self.configuration) { server in
      let port = server.port
      let response = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        return try connection.readResponse()
      }
      #expect(response.status == 200)
      let bodyLength = try #require(response.header("X-Body-Length"))
      #expect(bodyLength == (request.hasPrefix("POST") ? "3" : "0"))
    }
  }
}
