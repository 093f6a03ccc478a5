import Foundation

/// The simulator's time: the wall clock (tokens expire, `X-Sdk-Date` is checked against it,
/// rate windows and timed tasks run on it) and how it waits (slow faults). Tests inject a
/// controllable one.
public struct SimulatorClock: Sendable {
  /// The current time.
  public var now: @Sendable () -> Date
  /// Waits for a duration.
  public var sleep: @Sendable (Duration) async -> Void

  /// Creates a clock.
  public init(
    now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async -> Void
  ) {
    self.now = now
    self.sleep = sleep
  }

  /// The real clock.
  public static let system = SimulatorClock(
    now: { Date() }, sleep: { duration in try? await Task.sleep(for: duration) })
}
