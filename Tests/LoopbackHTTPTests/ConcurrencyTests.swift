import LoopbackHTTP
import Testing

@Suite("Concurrent clients")
struct ConcurrencyTests {
  @Test("64 keep-alive clients doing 100 requests each all get their own answers")
  func sixtyFourClients() async throws {
    let clients = 64
    let requestsPerClient = 100
    try await withServer { server in
      let port = server.port
      let tallies = try await withThrowingTaskGroup(of: (correct: Int, remotes: Set<String>).self) {
        group in
        for client in 0..<clients {
          group.addTask {
            try await onDedicatedThread {
              let connection = try RawConnection(port: port)
              defer { connection.close() }
              var correct = 0
              var remotes: Set<String> = []
              for request in 0..<requestsPerClient {
                let body = "client \(client) request \(request)"
                try connection.send(
                  "POST /c/\(client)?r=\(request) HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                let response = try connection.readResponse()
                if response.status == 200, response.text == body,
                  response.header("X-Path") == "/c/\(client)",
                  response.header("X-Query") == "r=\(request)"
                {
                  correct += 1
                }
                remotes.insert(response.header("X-Remote") ?? "?")
              }
              return (correct, remotes)
            }
          }
        }
        var all: [(correct: Int, remotes: Set<String>)] = []
        for try await tally in group { all.append(tally) }
        return all
      }
      #expect(tallies.count == clients)
      #expect(tallies.map(\.correct).reduce(0, +) == clients * requestsPerClient)
      #expect(tallies.allSatisfy { $0.remotes.count == 1 })
      #expect(Set(tallies.flatMap(\.remotes)).count == clients)
    }
  }

  @Test("at the connection bound, a new connection waits in the backlog until a slot frees up")
  func connectionBound() async throws {
    let seen = SeenRequests()
    let configuration = HTTPServerConfiguration.patient(maxConnections: 1)
    let handler: HTTPHandler = { request in
      await seen.record(request)
      return .text(request.path)
    }
    try await withServer(configuration, handler: handler) { server in
      let port = server.port
      let (first, waiting) = try await onDedicatedThread {
        let first = try RawConnection(port: port)
        try first.send(get("/a1"))
        _ = try first.readResponse()
        let waiting = try RawConnection(port: port)
        try waiting.send(get("/b"))
        return (first, waiting)
      }
      #expect(server.activeConnections == 1)
      let (second, waited) = try await onDedicatedThread {
        try first.send(get("/a2"))
        let second = try first.readResponse()
        first.close()
        return (second, try waiting.readResponse())
      }
      #expect(second.text == "/a2")
      #expect(waited.text == "/b")
      #expect(await seen.requests.map(\.path) == ["/a1", "/a2", "/b"])
    }
  }
}
