import LoopbackHTTP
import Testing

@Suite("Request bodies")
struct RequestBodyTests {
  /// Sends `pieces` one write at a time on one connection and reads one answer.
  private func exchange(port: UInt16, _ pieces: [String]) async throws -> RawResponse {
    try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      for piece in pieces { try connection.send(piece) }
      return try connection.readResponse()
    }
  }

  @Test("a Content-Length body arrives whole, even split over several writes")
  func contentLength() async throws {
    try await withServer { server in
      let response = try await exchange(
        port: server.port,
        ["PUT /doc HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhel", "lo wo", "rld"])
      #expect(response.status == 200)
      #expect(response.header("X-Method") == "PUT")
      #expect(response.text == "hello world")
    }
  }

  @Test("a chunked body is reassembled; extensions and trailers are ignored")
  func chunked() async throws {
    try await withServer { server in
      let response = try await exchange(
        port: server.port,
        [
          "POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
          "5\r\nhello\r\n", "1;name=value\r\n \r\n", "00c \r\nchunked bo", "dy\r\n",
          "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n",
        ])
      #expect(response.status == 200)
      #expect(response.text == "hello chunked body")
      #expect(response.header("X-Body-Length") == "18")
    }
  }

  @Test("a chunked body sent one byte per write is reassembled")
  func chunkedByteByByte() async throws {
    try await withServer { server in
      let request =
        "POST /slow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n"
      let response = try await exchange(port: server.port, request.map { String($0) })
      #expect(response.text == "abcdefg")
    }
  }

  @Test("Expect: 100-continue gets 100 Continue before the body is sent")
  func expectContinue() async throws {
    try await withServer { server in
      let port = server.port
      let (interim, final) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(
          "POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        let interim = try connection.readResponse()
        try connection.send("data")
        return (interim, try connection.readResponse())
      }
      #expect(interim.status == 100)
      #expect(interim.reason == "Continue")
      #expect(final.status == 200)
      #expect(final.text == "data")
    }
  }

  @Test("Expect: 100-continue for a body over the limit gets 413 and no 100")
  func expectContinueTooLarge() async throws {
    try await withServer(HTTPServerConfiguration(maxBodyBytes: 10)) { server in
      let response = try await exchange(
        port: server.port,
        ["POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n"])
      #expect(response.status == 413)
      #expect(response.header("Connection") == "close")
    }
  }

  @Test("a body of exactly the limit is accepted")
  func bodyAtLimit() async throws {
    try await withServer(HTTPServerConfiguration(maxBodyBytes: 10)) { server in
      let response = try await exchange(
        port: server.port,
        [
          "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n0123\r\n6\r\n456789\r\n0\r\n\r\n"
        ])
      #expect(response.status == 200)
      #expect(response.text == "0123456789")
    }
  }

  @Test("the handler sees the method, target, headers in order, body and client address")
  func requestAsSeen() async throws {
    let seen = SeenRequests()
    let handler: HTTPHandler = { request in
      await seen.record(request)
      return .text("ok")
    }
    try await withServer(handler: handler) { server in
      _ = try await exchange(
        port: server.port,
        [
          "PATCH /v1/x%20y?a=1&b=%E2%9C%93&c HTTP/1.1\r\nHost: h\r\nX-Dup: 1\r\n"
            + "x-dup: 2\r\nX-Empty:\r\nX-Padded: \t v \t\r\nContent-Length: 2\r\n\r\n{}"
        ])
    }
    let request = try #require(await seen.requests.first)
    #expect(request.method == "PATCH")
    #expect(request.target == "/v1/x%20y?a=1&b=%E2%9C%93&c")
    #expect(request.path == "/v1/x%20y")
    #expect(request.query == "a=1&b=%E2%9C%93&c")
    #expect(
      request.queryItems == [
        HTTPQueryItem(name: "a", value: "1"), HTTPQueryItem(name: "b", value: "✓"),
        HTTPQueryItem(name: "c", value: nil),
      ])
    #expect(request.version == .http11)
    #expect(
      request.headers.fields.map(\.name) == [
        "Host", "X-Dup", "x-dup", "X-Empty", "X-Padded", "Content-Length",
      ])
    #expect(request.headers.values(for: "x-DUP") == ["1", "2"])
    #expect(request.headers["x-empty"] == "")
    #expect(request.headers["X-Padded"] == "v")
    #expect(request.bodyText == "{}")
    #expect(request.remoteAddress.host == "127.0.0.1")
    #expect(request.remoteAddress.port != 0)
  }
}

/// The requests a handler saw, in order.
actor SeenRequests {
  /// The requests.
  private(set) var requests: [HTTPRequest] = []

  /// Records one.
  func record(_ request: HTTPRequest) {
    requests.append(request)
  }
}
