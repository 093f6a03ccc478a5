import Foundation

/// The clock the player paces and delays on: the real one by default, or a
/// ``VirtualClock`` that never really sleeps, so a recorded ten-minute polling session
/// replays at its cadence in milliseconds.
///
/// Replays through a `URLSession` must wait without Swift concurrency (see
/// ``TapeURLProtocol``), which only ``continuous`` and a ``VirtualClock`` can; a player on
/// another clock paces its transport, and fails URLSession requests that would have to wait.
public struct ReplayClock: Sendable {
  /// Time elapsed since the clock was wrapped.
  let elapsed: @Sendable () -> Duration
  /// Sleeps for a duration on the clock.
  let sleep: @Sendable (Duration) async throws -> Void
  /// Holds the calling thread for a duration of the clock's time, when the clock can.
  let block: (@Sendable (Duration) -> Void)?

  /// Wraps any clock measured in `Duration` (waits in URLSession replays are not possible).
  public init<C: Clock & Sendable>(_ clock: C) where C.Duration == Duration, C.Instant: Sendable {
    let start = clock.now
    self.elapsed = { start.duration(to: clock.now) }
    self.sleep = { duration in try await clock.sleep(for: duration) }
    self.block = nil
  }

  /// Wraps a virtual clock: every wait moves it forward at once.
  public init(_ clock: VirtualClock) {
    let start = clock.elapsed
    self.elapsed = { clock.elapsed - start }
    self.sleep = { duration in try await clock.sleep(for: duration) }
    self.block = { duration in clock.advance(by: duration) }
  }

  /// The real, continuous clock.
  public static var continuous: ReplayClock {
    let clock = ContinuousClock()
    let start = clock.now
    return ReplayClock(
      elapsed: { start.duration(to: clock.now) },
      sleep: { duration in try await clock.sleep(for: duration) },
      block: { duration in
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
      })
  }

  private init(
    elapsed: @escaping @Sendable () -> Duration,
    sleep: @escaping @Sendable (Duration) async throws -> Void,
    block: (@Sendable (Duration) -> Void)?
  ) {
    self.elapsed = elapsed
    self.sleep = sleep
    self.block = block
  }
}
