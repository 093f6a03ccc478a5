import LoopbackHTTP
import Testing

@Suite("Clients that vanish")
struct DisconnectTests {
  @Test("a client that disconnects mid-body does not disturb the others")
  func disconnectMidBody() async throws {
    try await withServer { server in
      let port = server.port
      let (before, after, fresh) = try await onDedicatedThread {
        let steady = try RawConnection(port: port)
        try steady.send(get("/before"))
        let before = try steady.readResponse()
        for index in 0..<20 {
          let leaving = try RawConnection(port: port)
          try leaving.send(
            "POST /partial HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\(index)abc")
          if index.isMultiple(of: 2) { leaving.closeWithReset() } else { leaving.close() }
        }
        try steady.send(get("/after"))
        let after = try steady.readResponse()
        let fresh = try RawConnection(port: port)
        try fresh.send(get("/fresh"))
        return (before, after, try fresh.readResponse())
      }
      #expect(before.header("X-Path") == "/before")
      #expect(after.header("X-Path") == "/after")
      #expect(fresh.header("X-Path") == "/fresh")
    }
  }

  @Test("an answer to a client that has gone is dropped without harm")
  func answerToVanishedClient() async throws {
    let entered = Gate()
    let release = Gate()
    let handler: HTTPHandler = { request in
      if request.path == "/slow" {
        entered.open()
        await release.wait()
        return .text(String(repeating: "x", count: 1_000_000))
      }
      return .text("fine")
    }
    try await withServer(handler: handler) { server in
      let port = server.port
      let leaving = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/slow"))
        return connection
      }
      await entered.wait()
      leaving.closeWithReset()
      release.open()
      let response = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/next"))
        return try connection.readResponse()
      }
      #expect(response.text == "fine")
    }
  }
}
