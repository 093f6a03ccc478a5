import Foundation
import LoopbackHTTP
import Synchronization
import SystemInterface
import Testing

/// Slow clients cannot starve a well-behaved one: a connection still sending its request head
/// is displaced by a new connection when every slot is taken.
@Suite("Slow clients")
struct SlowClientTests {
  // A load test, opt-in: with 500 sockets and 256 connection threads it disturbs the timing
  // tests that run beside it in the full `swift test` on 2 cores. Run it with
  // `TAPE_LOAD_TESTS=1 swift test --filter SlowClientTests`.
  @Test(
    "500 connections trickling one byte a second: a normal client is answered within 1 s",
    .enabled(if: ProcessInfo.processInfo.environment["TAPE_LOAD_TESTS"] == "1"))
  func tricklersDoNotStarve() async throws {
    // Long timeouts: only displacement can free a slot within the test.
    var configuration = HTTPServerConfiguration(
      maxConnections: 256, listenBacklog: 1024, idleTimeout: .seconds(30),
      requestReadTimeout: .seconds(30))
    configuration.displacesSlowRequestHeads = true
    try await withServer(configuration) { server in
      let port = server.port
      let tricklers = try await onDedicatedThread {
        try (0..<500).map { _ in
          let connection = try RawConnection(port: port)
          try connection.send("G")
          return connection
        }
      }
      // Every slot is taken by a trickler before the well-behaved client arrives.
      // Waited for on a dedicated thread, never by spinning on the concurrency pool (which
      // the handlers of every other test's servers need).
      let clock = ContinuousClock()
      let settle = clock.now.advanced(by: .seconds(20))
      let full = try await onDedicatedThread {
        while server.activeConnections < 256 && clock.now < settle {
          var nothing = pollfd(fd: -1, events: 0, revents: 0)
          _ = poll(&nothing, 1, 1)
        }
        return server.activeConnections
      }
      #expect(full == 256)
      let stop = Atomic<Bool>(false)
      let trickle = Task.detached {
        try? await onDedicatedThread {
          // One more byte of "ET / HTTP/1.1..." every second, to every connection still open.
          var tick = 0
          while !stop.load(ordering: .relaxed) {
            for connection in tricklers { try? connection.send("E") }
            tick += 1
            var waitOnNothing = pollfd(fd: -1, events: 0, revents: 0)
            _ = poll(&waitOnNothing, 1, 1000)
          }
          return tick
        }
      }
      let (response, elapsed) = try await onDedicatedThread {
        let start = clock.now
        let client = try RawConnection(port: port)
        try client.send(get("/well-behaved"))
        let response = try client.readResponse(timeout: .seconds(15))
        return (response, start.duration(to: clock.now))
      }
      stop.store(true, ordering: .relaxed)
      _ = await trickle.value
      #expect(response.status == 200)
      #expect(response.header("X-Path") == "/well-behaved")
      #expect(elapsed < .seconds(1), "answered after \(elapsed)")
      for connection in tricklers { connection.close() }
    }
  }
}
