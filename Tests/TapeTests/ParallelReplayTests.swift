import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Parallel replay")
struct ParallelReplayTests {
  /// 32 test cases, run in parallel by Swift Testing, each with its own cassette answering
  /// the SAME URL with its own values: any cross-talk between sessions shows as a wrong value.
  @Test("32 parallel tests on distinct cassettes see only their own answers", arguments: 0..<32)
  func noCrossTalk(index: Int) async throws {
    let interactions = try (0..<3).map { step in
      try exchange(taskURL, json: #"{"cassette": \#(index), "step": \#(step)}"#)
    }
    let tape = try player(interactions, ReplayConfiguration(exhaustion: .fail))
    let session = tape.makeURLSession()
    for step in 0..<3 {
      let (data, response) = try await session.send(request(taskURL))
      #expect(response.statusCode == 200)
      #expect(String(decoding: data, as: UTF8.self) == #"{"cassette":\#(index),"step":\#(step)}"#)
    }
    #expect(tape.unusedInteractions.isEmpty)
    #expect(tape.failures.isEmpty)
  }

  @Test("concurrent polls on one player are each answered once, in recorded order")
  func concurrentPollsShareOneSequence() async throws {
    let interactions = try (0..<64).map { try exchange(taskURL, json: #"{"step": \#($0)}"#) }
    let tape = try player(interactions, ReplayConfiguration(exhaustion: .fail))
    let session = tape.makeURLSession()
    let answers = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<64 { group.addTask { text(try await session.send(request(taskURL))) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(answers) == Set((0..<64).map { #"{"step":\#($0)}"# }))
    #expect(tape.playCounts == Array(repeating: 1, count: 64))
  }
}

@Suite("Virtual time")
struct VirtualTimeTests {
  /// A poll every minute for ten minutes, each answer taking 250 ms.
  func tenMinuteSession() throws -> [Interaction] {
    try (0...10).map { minute in
      try exchange(
        taskURL,
        json:
          #"{"task_status": \#(minute == 10 ? 2 : 0), "progress": {"ratio": "\#(minute * 10)%"}}"#,
        offset: .seconds(60 * minute), duration: .milliseconds(250))
    }
  }

  /// The speed is a benchmark figure (`tape-bench replay`); this checks the virtual
  /// timeline, and that nothing slept for real: a real ten-minute wait would take 600 s.
  @Test("a ten-minute recorded cadence replays on a virtual clock without real sleeping")
  func recordedCadence() async throws {
    let clock = VirtualClock()
    let tape = try player(
      try tenMinuteSession(),
      ReplayConfiguration(pacing: .recordedCadence, clock: ReplayClock(clock)))
    let session = tape.makeURLSession()
    // The arrivals are the virtual clock's: a replay that slept for real instead would not
    // move it (and took ten minutes). How long the run takes measures the machine.
    var arrivals: [Duration] = []
    for _ in 0...10 {
      _ = try await session.send(request(taskURL))
      arrivals.append(clock.elapsed)
    }
    #expect(arrivals.first == .milliseconds(250))
    #expect(arrivals.last == .seconds(600) + .milliseconds(250))
    #expect(arrivals == (0...10).map { .seconds(60 * $0) + .milliseconds(250) })
  }

  @Test("recorded latency waits each answer's duration on the clock")
  func recordedLatency() async throws {
    let clock = VirtualClock()
    let tape = try player(
      try tenMinuteSession(),
      ReplayConfiguration(pacing: .recordedLatency, clock: ReplayClock(clock)))
    for _ in 0...10 { _ = try await tape.transport.send(request(taskURL)) }
    #expect(clock.elapsed == .milliseconds(250 * 11))
  }

  @Test("immediate pacing does not touch the clock")
  func immediate() async throws {
    let clock = VirtualClock()
    let tape = try player(try tenMinuteSession(), ReplayConfiguration(clock: ReplayClock(clock)))
    for _ in 0...10 { _ = try await tape.transport.send(request(taskURL)) }
    #expect(clock.elapsed == .zero)
  }

  /// Request B reaches the player, then waits (in a custom matcher) until request A has
  /// been answered: both were in flight together, so their 5 s delays overlap.
  @Test("delays of requests in flight together overlap on a virtual clock, as on a real one")
  func concurrentDelaysOverlap() async throws {
    let clock = VirtualClock()
    let gate = DispatchSemaphore(value: 0)
    let (arrivals, arrived) = AsyncStream.makeStream(of: Void.self)
    let holdB = RequestMatcher.custom("hold B") { live, _ in
      if live.path == "/b" {
        arrived.yield()
        gate.wait()
      }
      return true
    }
    let tape = try player(
      [
        try exchange("https://h.example/a", json: "{}"),
        try exchange("https://h.example/b", json: "{}"),
      ],
      ReplayConfiguration(
        matchers: RequestMatcher.defaults + [holdB], clock: ReplayClock(clock),
        faults: [0: .delay(.seconds(5)), 1: .delay(.seconds(5))]))
    async let b = tape.transport.send(request("https://h.example/b"))
    var waiting = arrivals.makeAsyncIterator()
    _ = await waiting.next()
    _ = try await tape.transport.send(request("https://h.example/a"))
    #expect(clock.elapsed == .seconds(5))
    gate.signal()
    _ = try await b
    #expect(clock.elapsed == .seconds(5))
  }

  @Test("in a clock's run scope, waits of tasks started together overlap every time")
  func runScopeOverlaps() async throws {
    for _ in 0..<20 {
      let clock = VirtualClock()
      let elapsed = try await clock.run {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for seconds in 1...8 { group.addTask { try await clock.sleep(for: .seconds(seconds)) } }
          try await group.waitForAll()
        }
        let together = clock.elapsed
        try await clock.sleep(for: .seconds(2))
        return (together, clock.elapsed)
      }
      #expect(elapsed == (.seconds(8), .seconds(10)))
    }
  }

  @Test("one waiter's delays add up, through the transport and URLSession alike")
  func sequentialDelaysAddUp() async throws {
    let clock = VirtualClock()
    let tape = try player(
      [try exchange(taskURL, json: "{}", repeatCount: 4)],
      ReplayConfiguration(clock: ReplayClock(clock), faults: [0: .delay(.seconds(5))]))
    let session = tape.makeURLSession()
    for _ in 0..<2 { _ = try await tape.transport.send(request(taskURL)) }
    for _ in 0..<2 { _ = try await session.send(request(taskURL)) }
    #expect(clock.elapsed == .seconds(20))
  }

  @Test("a virtual sleep wakes at its deadline; a cancelled sleep throws")
  func sleepWakesAndCancels() async throws {
    let clock = VirtualClock()
    let sleeper = Task { try await clock.sleep(for: .seconds(3)) }
    try await sleeper.value
    #expect(clock.elapsed == .seconds(3))
    let cancelled = Task { try await clock.sleep(for: .seconds(3)) }
    cancelled.cancel()
    await #expect(throws: CancellationError.self) { try await cancelled.value }
  }

  @Test("the virtual clock only moves forward")
  func clockMovesForward() async throws {
    let clock = VirtualClock()
    try await clock.sleep(for: .seconds(5))
    try await clock.sleep(until: VirtualClock.Instant(offset: .seconds(2)))
    clock.advance(by: .seconds(-3))
    #expect(clock.elapsed == .seconds(5))
    clock.advance(by: .seconds(1))
    #expect(clock.now.offset == .seconds(6))
  }
}

@Suite("Fault overlays")
struct FaultOverlayTests {
  func tape(_ faults: [FaultTarget: FaultOverlay], clock: VirtualClock = VirtualClock()) throws
    -> CassettePlayer
  {
    try player(
      [
        try exchange(
          taskURL, json: #"{"task_status": 0, "progress": {"ratio": "50%"}}"#, repeatCount: 3)
      ],
      ReplayConfiguration(clock: ReplayClock(clock), faults: faults))
  }

  @Test("another status keeps the recorded body")
  func status() async throws {
    let (data, response) = try await tape([0: .status(503)]).transport.send(request(taskURL))
    #expect(response.statusCode == 503)
    #expect(String(decoding: data, as: UTF8.self).contains("50%"))
  }

  @Test("a delay waits on the replay clock, through the transport and through URLSession")
  func delay() async throws {
    let clock = VirtualClock()
    let player = try tape([0: .delay(.seconds(30))], clock: clock)
    _ = try await player.transport.send(request(taskURL))
    #expect(clock.elapsed == .seconds(30))
    _ = try await player.makeURLSession().send(request(taskURL))
    #expect(clock.elapsed == .seconds(60))
  }

  @Test("a URLSession replay that must wait on a clock it cannot block on fails clearly")
  func unsupportedClockInURLSession() async throws {
    let player = try player(
      [try exchange(taskURL, json: "{}")],
      ReplayConfiguration(clock: ReplayClock(SuspendingClock()), faults: [0: .delay(.seconds(5))]))
    let error = await #expect(throws: URLError.self) {
      try await player.makeURLSession().send(request(taskURL))
    }
    #expect(
      error?.localizedDescription.contains(
        "cannot wait 5.0 seconds on this clock inside a URLSession replay") == true)
  }

  @Test("a dropped connection fails the request as the network would")
  func droppedConnection() async throws {
    let player = try tape([0: .droppedConnection])
    let viaTransport = await #expect(throws: URLError.self) {
      try await player.transport.send(request(taskURL))
    }
    #expect(viaTransport?.code == .networkConnectionLost)
    let viaSession = await #expect(throws: URLError.self) {
      try await player.makeURLSession().send(request(taskURL))
    }
    #expect(viaSession?.code == .networkConnectionLost)
  }

  @Test("a truncated body is a cut connection: the transport throws networkConnectionLost")
  func truncatedBody() async throws {
    let error = await #expect(throws: URLError.self) {
      try await tape([0: .truncatedBody(to: 10)]).transport.send(request(taskURL))
    }
    #expect(error?.code == .networkConnectionLost)
    #expect(error?.partialBody.map { String(decoding: $0, as: UTF8.self) } == #"{"task_sta"#)
    #expect(error?.partialResponse?.statusCode == 200)
  }

  @Test("a truncated body through URLSession fails with networkConnectionLost")
  func truncatedBodyThroughURLSession() async throws {
    let player = try tape([0: FaultOverlay.truncatedBody(to: 10).onPlay(1)])
    let session = player.makeURLSession()
    let error = await #expect(throws: URLError.self) {
      try await session.send(request(taskURL))
    }
    #expect(error?.code == .networkConnectionLost)
    #expect(error?.partialBody.map { String(decoding: $0, as: UTF8.self) } == #"{"task_sta"#)
    let (data, response) = try await session.send(request(taskURL))
    #expect(response.statusCode == 200)
    #expect(String(decoding: data, as: UTF8.self).contains("50%"))
  }

  @Test("an overlay can hit one play only")
  func onePlay() async throws {
    let player = try tape([0: FaultOverlay.status(500).onPlay(2)])
    var statuses: [Int] = []
    for _ in 0..<3 {
      statuses.append(try await player.transport.send(request(taskURL)).1.statusCode)
    }
    #expect(statuses == [200, 500, 200])
  }
}

@Suite("Response fix-ups")
struct ResponseFixUpTests {
  @Test("a body stored decoded loses Content-Encoding; Content-Length matches what is sent")
  func decodedBody() async throws {
    let interaction = Interaction(
      request: RecordedRequest(method: "GET", url: taskURL),
      response: RecordedResponse(
        status: 200,
        headers: ["Content-Encoding": "gzip", "Content-Length": "999", "X-Request-Id": "r1"],
        body: RecordedBody(.text("hello"), decodedFrom: "gzip")))
    let (data, response) = try await player([interaction]).transport.send(request(taskURL))
    #expect(String(decoding: data, as: UTF8.self) == "hello")
    #expect(response.value(forHTTPHeaderField: "Content-Encoding") == nil)
    #expect(response.value(forHTTPHeaderField: "Content-Length") == "5")
    #expect(response.value(forHTTPHeaderField: "X-Request-Id") == "r1")
  }
}
