import Dispatch
import LoopbackHTTP
import Synchronization
import SystemInterface
import Testing

/// Work a handler leaves for after its answer runs on the connection's own thread once the
/// answer is written: the client does not wait for it, no other thread runs it, and the
/// server's stop waits for it.
@Suite("Work after sending")
struct AfterSendingTests {
  @Test("runs on the connection's thread after the client has its answer, before stop returns")
  func runsAfterTheAnswerOnTheConnectionThread() async throws {
    let clientHasAnswer = DispatchSemaphore(value: 0)
    let threads = Mutex<(handler: pthread_t?, afterwards: pthread_t?)>((nil, nil))
    let ran = Mutex<[String]>([])
    let server = try HTTPServer.start(configuration: .patient()) {
      (request: HTTPRequest) -> HTTPResponse in
      threads.withLock { $0.handler = pthread_self() }
      var answer = HTTPResponse.text("answered " + request.path)
      answer.afterSending = {
        // Waits for the client to have its answer: run before the write, the answer never
        // comes (the client gives up after a minute and the test fails).
        let answered = clientHasAnswer.wait(timeout: .now() + 60) == .success
        threads.withLock { $0.afterwards = pthread_self() }
        ran.withLock { $0.append(answered ? request.path : "before the answer") }
      }
      return answer
    }
    let port = server.port
    let answer = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      try connection.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n")
      return try connection.readResponse()
    }
    #expect(answer.text == "answered /first")
    clientHasAnswer.signal()
    await server.stop()
    #expect(ran.withLock { $0 } == ["/first"])
    let (handler, afterwards) = threads.withLock { $0 }
    #expect(handler != nil && afterwards != nil)
    if let handler, let afterwards { #expect(pthread_equal(handler, afterwards) != 0) }
  }

  @Test("an async handler's work after sending has run when stop returns")
  func asyncHandler() async throws {
    let ran = Mutex(0)
    let server = try HTTPServer.start(configuration: .patient()) { request in
      var answer = HTTPResponse.text("ok")
      answer.afterSending = { ran.withLock { $0 += 1 } }
      return answer
    }
    let port = server.port
    let statuses = try await onDedicatedThread {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      var statuses: [Int] = []
      for index in 0..<3 {
        try connection.send("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
        statuses.append(try connection.readResponse().status)
      }
      return statuses
    }
    await server.stop()
    #expect(statuses == [200, 200, 200])
    #expect(ran.withLock { $0 } == 3)
  }
}
