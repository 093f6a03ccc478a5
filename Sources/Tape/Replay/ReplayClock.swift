import Foundation

/// The clock the player paces and delays on: the real one by default, or a
/// ``VirtualClock`` that never really sleeps, so a recorded ten-minute polling session
/// replays at its cadence in milliseconds.
///
/// The player waits until deadlines (each counted from its request's arrival), so waits of
/// requests in flight together overlap on every clock. Replays through a `URLSession` must
/// wait without Swift concurrency (see ``TapeURLProtocol``), which only ``continuous`` and a
/// ``VirtualClock`` can; a player on another clock paces its transport, and fails URLSession
/// requests that would have to wait.
public struct ReplayClock: Sendable {
  /// Time elapsed since the clock was wrapped.
  let elapsed: @Sendable () -> Duration
  /// Sleeps until a deadline, given as time since the clock was wrapped.
  let sleep: @Sendable (_ deadline: Duration) async throws -> Void
  /// Holds the calling thread until a deadline (time since the clock was wrapped), when the
  /// clock can.
  let block: (@Sendable (_ deadline: Duration) -> Void)?
  /// Runs work at a deadline (time since the clock was wrapped) on another thread, without
  /// holding the caller's, when the clock can: the real clock. A URLSession replay waits so,
  /// off URLSession's shared queue, so that waits of requests in flight together overlap.
  let schedule: (@Sendable (_ deadline: Duration, _ work: @escaping @Sendable () -> Void) -> Void)?
  /// The virtual clock wrapped, if it is one: the `.cassette` trait runs its test in the
  /// clock's ``VirtualClock/run(_:)`` scope.
  package let virtualClock: VirtualClock?

  /// Wraps any clock measured in `Duration` (waits in URLSession replays are not possible).
  public init<C: Clock & Sendable>(_ clock: C) where C.Duration == Duration, C.Instant: Sendable {
    let start = clock.now
    self.elapsed = { start.duration(to: clock.now) }
    self.sleep = { deadline in
      try await clock.sleep(until: start.advanced(by: deadline), tolerance: nil)
    }
    self.block = nil
    self.schedule = nil
    self.virtualClock = nil
  }

  /// Wraps a virtual clock: every wait moves it at once to the wait's deadline, if later.
  public init(_ clock: VirtualClock) {
    let start = clock.now
    self.elapsed = { start.duration(to: clock.now) }
    self.sleep = { deadline in try await clock.sleep(until: start.advanced(by: deadline)) }
    self.block = { deadline in clock.move(to: start.advanced(by: deadline)) }
    self.schedule = nil
    self.virtualClock = clock
  }

  /// The real, continuous clock.
  public static var continuous: ReplayClock {
    let clock = ContinuousClock()
    let start = clock.now
    return ReplayClock(
      elapsed: { start.duration(to: clock.now) },
      sleep: { deadline in try await clock.sleep(until: start.advanced(by: deadline)) },
      block: { deadline in
        let wait = deadline - start.duration(to: clock.now)
        guard wait > .zero else { return }
        Thread.sleep(forTimeInterval: wait.seconds)
      },
      schedule: { deadline, work in
        let wait = max(.zero, deadline - start.duration(to: clock.now))
        DispatchQueue.global().asyncAfter(deadline: .now() + wait.seconds, execute: work)
      })
  }

  /// A clock made of its parts (the tests' clocks).
  init(
    elapsed: @escaping @Sendable () -> Duration,
    sleep: @escaping @Sendable (Duration) async throws -> Void,
    block: (@Sendable (Duration) -> Void)?,
    schedule: (@Sendable (Duration, @escaping @Sendable () -> Void) -> Void)?
  ) {
    self.elapsed = elapsed
    self.sleep = sleep
    self.block = block
    self.schedule = schedule
    self.virtualClock = nil
  }
}

extension Duration {
  /// The duration in seconds.
  fileprivate var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
