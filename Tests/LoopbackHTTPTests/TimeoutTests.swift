import Foundation
import LoopbackHTTP
import Testing

@Suite("Timeouts")
struct TimeoutTests {
  static let timeout = Duration.milliseconds(200)
  static let configuration = HTTPServerConfiguration(
    idleTimeout: timeout, requestReadTimeout: timeout)
  // That the server closes at all is checked by the reader, which throws when nothing
  // closes the connection within 10 s; how late the close comes measures the machine, not
  // the server, and is not asserted. That it never comes early is.

  /// Sends `bytes`, then stays silent and reads until the server closes: what arrived and how
  /// long after sending it took.
  private func silentAfterSending(_ bytes: String, port: UInt16) async throws -> (
    [UInt8], Duration
  ) {
    try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      let clock = ContinuousClock()
      let start = clock.now
      if !bytes.isEmpty { try connection.send(bytes) }
      let received = try connection.readUntilClosed(timeout: .seconds(10))
      return (received, start.duration(to: clock.now))
    }
  }

  @Test(
    "a client that sends part of a request and goes silent gets 408 and is closed",
    arguments: [
      "GET / HTTP/1.1\r\nHost: x\r\n",
      "GET /half-line",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
    ])
  func silentMidRequest(_ partial: String) async throws {
    try await withServer(Self.configuration) { server in
      let (received, elapsed) = try await silentAfterSending(partial, port: server.port)
      let responses = try RawResponse.parseAll(received)
      #expect(responses.map(\.status) == [408])
      #expect(responses.first?.header("Connection") == "close")
      #expect(elapsed >= Self.timeout - .milliseconds(5))
    }
  }

  @Test("a client that connects and sends nothing is closed after the idle timeout")
  func silentFromTheStart() async throws {
    try await withServer(Self.configuration) { server in
      let (received, elapsed) = try await silentAfterSending("", port: server.port)
      #expect(received.isEmpty)
      #expect(elapsed >= Self.timeout - .milliseconds(5))
    }
  }

  @Test("an idle keep-alive connection is closed after the idle timeout")
  func idleKeepAlive() async throws {
    try await withServer(Self.configuration) { server in
      let port = server.port
      let (response, rest, elapsed) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/once"))
        let response = try connection.readResponse()
        let clock = ContinuousClock()
        let start = clock.now
        let rest = try connection.readUntilClosed()
        return (response, rest, start.duration(to: clock.now))
      }
      #expect(response.header("X-Path") == "/once")
      #expect(response.header("Connection") == nil)
      #expect(rest.isEmpty)
      // The server's idle clock starts as it sends the answer, a little before this client's.
      #expect(elapsed >= Self.timeout / 2)
    }
  }

  @Test("a client stuck in its request head is displaced by a new one when no slot is free")
  func silentClientDoesNotBlockOthers() async throws {
    var configuration = HTTPServerConfiguration(
      maxConnections: 1, idleTimeout: .seconds(30), requestReadTimeout: .seconds(30))
    configuration.displacesSlowRequestHeads = true
    try await withServer(configuration) { server in
      let port = server.port
      let responses = try await onDedicatedThread {
        let silent = try RawConnection(port: port)
        try silent.send("GET / HTTP/1.1\r\n")
        // The only slot is taken by the silent client; this one waits in the backlog until
        // it displaces the silent one (closed without an answer), long before its timeout.
        let patient = try RawConnection(port: port)
        try patient.send(get("/patient"))
        let answer = try patient.readResponse()
        return (try RawResponse.parseAll(try silent.readUntilClosed()), answer)
      }
      #expect(responses.0.isEmpty)
      #expect(responses.1.header("X-Path") == "/patient")
    }
  }

  @Test("a connection that has sent nothing yet is not displaced: it is answered when it writes")
  func silentNewConnectionIsKept() async throws {
    var configuration = HTTPServerConfiguration(
      maxConnections: 1, idleTimeout: .seconds(30), requestReadTimeout: .seconds(30))
    configuration.displacesSlowRequestHeads = true
    try await withServer(configuration) { server in
      let port = server.port
      let answers = try await onDedicatedThread {
        // As a client that opens all its connections before it writes on any: the first
        // takes the only slot and says nothing while the next one waits with its request.
        let early = try RawConnection(port: port)
        let waiting = try RawConnection(port: port)
        try waiting.send(get("/waiting"))
        // Three times the age at which a trickler is displaced.
        var nothing = pollfd(fd: -1, events: 0, revents: 0)
        _ = poll(&nothing, 1, 1500)
        try early.send(get("/early"))
        let first = try early.readResponse()
        early.close()
        return (first, try waiting.readResponse())
      }
      #expect(answers.0.header("X-Path") == "/early")
      #expect(answers.1.header("X-Path") == "/waiting")
    }
  }

  @Test("a client that stops reading a large answer is dropped after the write timeout")
  func stalledReader() async throws {
    let entered = Gate()
    let configuration = HTTPServerConfiguration(writeTimeout: Self.timeout)
    let server = try HTTPServer.start(configuration: configuration) { _ in
      entered.open()
      return HTTPResponse(body: Data(count: 64 * 1024 * 1024))
    }
    let port = server.port
    let connection = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      try connection.send(get("/huge"))
      return connection
    }
    await entered.wait()
    // The connection thread is blocked writing to a client that reads nothing: stop() can
    // only return once the write times out and the connection closes.
    let stopped = await completes(within: .seconds(10)) { await server.stop() }
    #expect(stopped)
    let received = try await onDedicatedThread { try connection.readUntilClosed() }
    #expect(received.count < 64 * 1024 * 1024)
    #expect(received.starts(with: Array("HTTP/1.1 200 OK\r\n".utf8)))
  }
}
