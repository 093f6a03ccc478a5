import LoopbackHTTP
import Testing

@Suite("Persistent connections")
struct KeepAliveTests {
  @Test("several requests in turn over one connection, each answered")
  func sequentialOnOneConnection() async throws {
    try await withServer { server in
      let port = server.port
      let answers = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        return try (0..<10).map { index in
          try connection.send(get("/seq/\(index)?i=\(index)"))
          return try connection.readResponse()
        }
      }
      #expect(answers.map(\.status) == Array(repeating: 200, count: 10))
      #expect(answers.map { $0.header("X-Path") } == (0..<10).map { "/seq/\($0)" })
      #expect(answers.map { $0.header("X-Query") } == (0..<10).map { "i=\($0)" })
      #expect(Set(answers.compactMap { $0.header("X-Remote") }).count == 1)
      #expect(answers.allSatisfy { $0.header("Connection") == nil })
    }
  }

  @Test("pipelined requests, sent in one write, are answered in order")
  func pipelined() async throws {
    try await withServer { server in
      let port = server.port
      let answers = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        var batch = (0..<20).map { get("/pipe/\($0)") }.joined()
        batch += "POST /pipe/body HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
        batch += "HEAD /pipe/head HTTP/1.1\r\nHost: x\r\n\r\n"
        batch += get("/pipe/last", extra: "Connection: close\r\n")
        try connection.send(batch)
        var answers = try (0..<21).map { _ in try connection.readResponse() }
        answers.append(try connection.readResponse(bodyless: true))
        answers.append(try connection.readResponse())
        let rest = try connection.readUntilClosed()
        return (answers, rest)
      }
      let (responses, rest) = answers
      #expect(
        responses.map { $0.header("X-Path") } == (0..<20).map { "/pipe/\($0)" } + [
          "/pipe/body", "/pipe/head", "/pipe/last",
        ])
      #expect(responses[20].text == "hello")
      #expect(responses[21].header("Content-Length") == "0")
      #expect(responses[21].body.isEmpty)
      #expect(responses[22].header("Connection") == "close")
      #expect(rest.isEmpty)
    }
  }

  @Test("Connection: close is honoured: the answer says so and the stream ends")
  func connectionClose() async throws {
    try await withServer { server in
      let port = server.port
      let (response, rest) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/bye", extra: "Connection: close\r\n") + get("/never"))
        return (try connection.readResponse(), try connection.readUntilClosed())
      }
      #expect(response.header("X-Path") == "/bye")
      #expect(response.header("Connection") == "close")
      #expect(rest.isEmpty)
    }
  }

  @Test("a handler's Connection: close closes the connection after its answer")
  func handlerCloses() async throws {
    let handler: HTTPHandler = { _ in .text("last", headers: ["Connection": "close"]) }
    try await withServer(handler: handler) { server in
      let port = server.port
      let (response, rest) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/a") + get("/b"))
        return (try connection.readResponse(), try connection.readUntilClosed())
      }
      #expect(response.text == "last")
      #expect(response.headers.filter { $0.name == "Connection" }.map(\.value) == ["close"])
      #expect(rest.isEmpty)
    }
  }

  @Test("HTTP/1.0 closes after the answer unless the client asks for keep-alive")
  func http10() async throws {
    try await withServer { server in
      let port = server.port
      let (closing, closingRest, kept, keptAgain) = try await onDedicatedThread {
        let first = try RawConnection(port: port)
        try first.send("GET /old HTTP/1.0\r\n\r\n")
        let closing = try first.readResponse()
        let closingRest = try first.readUntilClosed()
        let second = try RawConnection(port: port)
        try second.send("GET /kept HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        let kept = try second.readResponse()
        try second.send("GET /again HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        return (closing, closingRest, kept, try second.readResponse())
      }
      #expect(closing.status == 200)
      #expect(closing.header("Connection") == "close")
      #expect(closingRest.isEmpty)
      #expect(kept.header("Connection") == "keep-alive")
      #expect(keptAgain.header("X-Path") == "/again")
    }
  }

  @Test("HEAD answers carry the length of the body they do not send")
  func head() async throws {
    let handler: HTTPHandler = { _ in .text("twelve bytes") }
    try await withServer(handler: handler) { server in
      let port = server.port
      let (headAnswer, getAnswer) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n" + get("/"))
        return (try connection.readResponse(bodyless: true), try connection.readResponse())
      }
      #expect(headAnswer.status == 200)
      #expect(headAnswer.header("Content-Length") == "12")
      #expect(headAnswer.body.isEmpty)
      #expect(getAnswer.text == "twelve bytes")
    }
  }
}
