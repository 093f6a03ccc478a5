/// The clock the player paces and delays on: the real one by default, or a
/// ``VirtualClock`` that never really sleeps, so a recorded ten-minute polling session
/// replays at its cadence in milliseconds.
public struct ReplayClock: Sendable {
  /// Time elapsed since the clock was wrapped.
  let elapsed: @Sendable () -> Duration
  /// Sleeps for a duration on the clock.
  let sleep: @Sendable (Duration) async throws -> Void

  /// Wraps any clock measured in `Duration`.
  public init<C: Clock & Sendable>(_ clock: C) where C.Duration == Duration, C.Instant: Sendable {
    let start = clock.now
    self.elapsed = { start.duration(to: clock.now) }
    self.sleep = { duration in try await clock.sleep(for: duration) }
  }

  /// The real, continuous clock.
  public static var continuous: ReplayClock { ReplayClock(ContinuousClock()) }
}
