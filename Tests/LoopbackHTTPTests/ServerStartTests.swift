import LoopbackHTTP
import SystemInterface
import Testing

@Suite("Starting a server")
struct ServerStartTests {
  @Test("port 0 gives a real ephemeral port and a base URL on 127.0.0.1")
  func ephemeralPort() async throws {
    try await withServer { server in
      #expect(server.port != 0)
      #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
      #expect(server.configuration.host == "127.0.0.1")
      let port = server.port
      let response = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/ping"))
        return try connection.readResponse()
      }
      #expect(response.status == 200)
      #expect(response.header("X-Path") == "/ping")
    }
  }

  @Test("two servers get two different ports")
  func twoServers() async throws {
    try await withServer { first in
      try await withServer { second in
        #expect(first.port != second.port)
      }
    }
  }

  @Test("a host that is not a numeric address is refused")
  func invalidHost() {
    #expect(throws: HTTPServerError.invalidHost("localhost")) {
      try HTTPServer.start(configuration: HTTPServerConfiguration(host: "localhost")) { _ in
        HTTPResponse()
      }
    }
  }

  @Test("a port already in use is reported as a bind failure")
  func portInUse() async throws {
    try await withServer { server in
      let configuration = HTTPServerConfiguration(port: server.port)
      #expect(throws: HTTPServerError.socketFailure(operation: "bind", errno: EADDRINUSE)) {
        try HTTPServer.start(configuration: configuration) { _ in HTTPResponse() }
      }
    }
  }

  @Test("IPv6 loopback is served when asked for explicitly")
  func ipv6Loopback() async throws {
    let started = Result { () throws(HTTPServerError) -> HTTPServer in
      try HTTPServer.start(configuration: HTTPServerConfiguration(host: "::1")) { _ in
        .text("six")
      }
    }
    if case .failure(.socketFailure(_, let code)) = started,
      code == EADDRNOTAVAIL || code == EAFNOSUPPORT
    {
      return  // The machine has no IPv6 loopback: nothing to check.
    }
    let server = try started.get()
    #expect(server.baseURL.absoluteString == "http://[::1]:\(server.port)")
    await server.stop()
  }
}
