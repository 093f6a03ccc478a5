import Synchronization

/// A clock whose time moves only when something sleeps on it: a sleep returns at once and
/// moves the clock to its deadline. Replays at the recorded cadence on it take no real time.
///
/// Waits are deadlines and the clock only moves forward to the latest one, so waits that
/// start at the same instant overlap, as on a real clock: two concurrent 5-second waits end
/// at 5 s, not 10 s, while one waiter's successive waits add up. A virtual wait takes no real
/// time, so a wait counts from the instant it starts: the player starts each of its waits
/// when the request arrives, so requests in flight together wait side by side.
public final class VirtualClock: Clock, Sendable {
  /// A point on the virtual time line.
  public struct Instant: InstantProtocol, Sendable {
    /// Time since the clock's start.
    public var offset: Duration

    /// The instant `offset` after the clock's start.
    public init(offset: Duration) {
      self.offset = offset
    }

    /// Moves the instant.
    public func advanced(by duration: Duration) -> Instant {
      Instant(offset: offset + duration)
    }

    /// The time from this instant to another.
    public func duration(to other: Instant) -> Duration {
      other.offset - offset
    }

    /// Orders instants.
    public static func < (left: Instant, right: Instant) -> Bool {
      left.offset < right.offset
    }
  }

  private let current = Mutex(Instant(offset: .zero))

  /// Creates a clock at offset zero.
  public init() {}

  /// The current virtual time.
  public var now: Instant { current.withLock { $0 } }

  /// Virtual time has no resolution limit.
  public var minimumResolution: Duration { .zero }

  /// Time since the clock's start.
  public var elapsed: Duration { now.offset }

  /// Returns at once, after moving the clock to `deadline` if it is later than now.
  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    try Task.checkCancellation()
    current.withLock { $0 = max($0, deadline) }
  }

  /// Moves the clock forward.
  public func advance(by duration: Duration) {
    current.withLock { $0 = $0.advanced(by: max(.zero, duration)) }
  }

  /// Moves the clock to `deadline` if it is later than now: a wait that cannot suspend.
  func move(to deadline: Instant) {
    current.withLock { $0 = max($0, deadline) }
  }
}
