import Dispatch
import Foundation
import LoopbackHTTP
import Testing

/// A blocking handler answers on its connection's own thread: it may block there, and the
/// other connections go on being answered meanwhile.
@Suite("Blocking handlers")
struct BlockingHandlerTests {
  @Test("a blocking handler held on one connection does not hold up another")
  func blocksOnlyItsConnection() async throws {
    let release = DispatchSemaphore(value: 0)
    let server = try HTTPServer.start(configuration: .patient()) {
      (request: HTTPRequest) -> HTTPResponse in
      if request.path == "/held" {
        // Held until the other connection has its answer (a minute at most, never forever).
        let released = release.wait(timeout: .now() + 60) == .success
        return .text(released ? "released" : "never released", status: released ? 200 : 500)
      }
      return .text("answered " + request.path)
    }
    defer { server.beginStop() }
    let port = server.port
    async let held = onDedicatedThread {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      try connection.send("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
      return try connection.readResponse()
    }
    let other = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      var answers: [String] = []
      for index in 0..<3 {
        try connection.send("GET /free/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
        answers.append(try connection.readResponse().text)
      }
      return answers
    }
    release.signal()
    #expect(other == ["answered /free/0", "answered /free/1", "answered /free/2"])
    let first = try await held
    #expect(first.status == 200)
    #expect(first.text == "released")
  }

  private struct Refused: Error, Equatable {}

  @Test("a blocking handler awaits an async call and gets its value or its error")
  func awaitsAsyncWork() async throws {
    let server = try HTTPServer.start(configuration: .patient()) {
      (request: HTTPRequest) -> HTTPResponse in
      do {
        let text = try HTTPServer.awaitBlocking { () async throws -> String in
          if request.path == "/refused" { throw Refused() }
          await Task.yield()
          return "awaited " + request.path
        }
        return .text(text)
      } catch {
        return .text("\(error)", status: error is Refused ? 409 : 500)
      }
    }
    defer { server.beginStop() }
    let port = server.port
    let answers = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      var answers: [RawResponse] = []
      for path in ["/a", "/refused", "/b"] {
        try connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
        answers.append(try connection.readResponse())
      }
      return answers
    }
    #expect(answers.map(\.status) == [200, 409, 200])
    #expect(answers.map(\.text)[0] == "awaited /a")
    #expect(answers.map(\.text)[2] == "awaited /b")
  }
}
