import LoopbackHTTP
import SystemInterface
import Testing

@Suite("Stopping")
struct StopTests {
  @Test(
    "stop() lets an in-flight request finish and be answered, closes idle connections, then frees the port"
  )
  func gracefulStop() async throws {
    let entered = Gate()
    let release = Gate()
    let server = try HTTPServer.start { request in
      if request.path == "/slow" {
        entered.open()
        await release.wait()
        return .text("slow done")
      }
      return .text("quick")
    }
    let port = server.port
    let (busy, idle) = try await onDedicatedThread {
      let idle = try RawConnection(port: port)
      try idle.send(get("/quick"))
      _ = try idle.readResponse()
      let busy = try RawConnection(port: port)
      try busy.send(get("/slow"))
      return (busy, idle)
    }
    await entered.wait()
    server.beginStop()
    #expect(server.isStopping)
    async let stopped: Void = server.stop()
    let idleRest = try await onDedicatedThread { try idle.readUntilClosed() }
    #expect(idleRest.isEmpty)
    release.open()
    let (answer, busyRest) = try await onDedicatedThread {
      (try busy.readResponse(), try busy.readUntilClosed())
    }
    #expect(answer.status == 200)
    #expect(answer.text == "slow done")
    #expect(answer.header("Connection") == "close")
    #expect(busyRest.isEmpty)
    busy.close()
    idle.close()
    await stopped
    #expect(server.activeConnections == 0)

    let refused = try await onDedicatedThread { () -> RawConnection.Failure? in
      do {
        _ = try RawConnection(port: port)
        return nil
      } catch {
        return error as? RawConnection.Failure
      }
    }
    #expect(refused == .connectFailed(errno: ECONNREFUSED))
    let again = try HTTPServer.start(configuration: HTTPServerConfiguration(port: port)) { _ in
      .text("again")
    }
    #expect(again.port == port)
    await again.stop()
  }

  @Test("a request still arriving when stop begins is read and answered")
  func requestArrivingDuringStop() async throws {
    try await withServer { server in
      let port = server.port
      let (connection, interim) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(
          "POST /late HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
        // 100 Continue says the server has read the head and now waits for the body.
        return (connection, try connection.readResponse())
      }
      #expect(interim.status == 100)
      server.beginStop()
      let (answer, rest) = try await onDedicatedThread {
        try connection.send("abcd")
        return (try connection.readResponse(), try connection.readUntilClosed())
      }
      connection.close()
      #expect(answer.text == "abcd")
      #expect(answer.header("Connection") == "close")
      #expect(rest.isEmpty)
    }
  }

  @Test("stop() twice, and after beginStop(), returns")
  func stopTwice() async throws {
    let server = try HTTPServer.start { _ in .text("x") }
    server.beginStop()
    await server.stop()
    await server.stop()
    #expect(server.isStopping)
    #expect(server.activeConnections == 0)
  }

  @Test("dropping a server without stopping it shuts it down: its connections close")
  func droppedServer() async throws {
    var server: HTTPServer? = try HTTPServer.start { _ in .text("x") }
    let port = try #require(server?.port)
    let connection = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      try connection.send(get("/"))
      _ = try connection.readResponse()
      return connection
    }
    server = nil
    let rest = try await onDedicatedThread { try connection.readUntilClosed() }
    #expect(rest.isEmpty)
    #expect(server == nil)
  }
}
