import Synchronization

/// A clock whose time moves only when something waits on it, and at once: a replay at the
/// recorded cadence on it takes no real time.
///
/// It keeps time as a real clock does for concurrent waiters. A sleep suspends its caller;
/// the clock then moves to the earliest pending deadline (never back) and wakes the sleepers
/// due by then, after one hop through the executor, so that work already queued (another
/// task about to sleep) has its turn first. Sleepers waiting together therefore overlap: two
/// concurrent 5-second sleeps end at 5 s, not 10 s. One waiter's successive sleeps add up,
/// and a lone waiter is woken at its deadline: a single waiter's timeline is exact. A sleep
/// that starts only after another has been woken starts from that time, as it would on a
/// real clock; which of two tasks started at the same moment gets there first is up to the
/// scheduler, so tests that need overlap keep both in flight (see ``CassettePlayer``, whose
/// waits count from each request's arrival).
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

  /// A suspended sleeper and when it is due.
  private struct Sleeper {
    var deadline: Instant
    var continuation: CheckedContinuation<Void, Never>
  }

  private struct State {
    var now = Instant(offset: .zero)
    var sleepers: [Sleeper] = []
  }

  private let state = Mutex(State())

  /// Creates a clock at offset zero.
  public init() {}

  /// The current virtual time.
  public var now: Instant { state.withLock { $0.now } }

  /// Virtual time has no resolution limit.
  public var minimumResolution: Duration { .zero }

  /// Time since the clock's start.
  public var elapsed: Duration { now.offset }

  /// Suspends until the clock reaches `deadline`, which takes no real time: after one hop
  /// through the executor, the clock moves to the earliest pending deadline and wakes the
  /// sleepers due by then.
  ///
  /// - Throws: `CancellationError` when the task is cancelled before or during the sleep.
  public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
    try Task.checkCancellation()
    await withCheckedContinuation { continuation in
      state.withLock {
        $0.sleepers.append(Sleeper(deadline: deadline, continuation: continuation))
      }
      // One step per sleeper: there are never fewer steps to come than sleepers waiting,
      // and a step wakes at least one sleeper whenever any waits.
      Task { self.step() }
    }
    try Task.checkCancellation()
  }

  /// Moves the clock forward.
  public func advance(by duration: Duration) {
    state.withLock { $0.now = $0.now.advanced(by: max(.zero, duration)) }
  }

  /// Moves the clock to `deadline` if it is later than now: a wait that cannot suspend (a
  /// URLSession replay answers inside `startLoading`).
  func move(to deadline: Instant) {
    state.withLock { $0.now = max($0.now, deadline) }
  }

  /// Moves the clock to the earliest pending deadline (never back) and wakes every sleeper
  /// due by then.
  private func step() {
    let due: [CheckedContinuation<Void, Never>] = state.withLock { state in
      guard let earliest = state.sleepers.map(\.deadline).min() else { return [] }
      state.now = max(state.now, earliest)
      let now = state.now
      let due = state.sleepers.filter { $0.deadline <= now }.map(\.continuation)
      state.sleepers.removeAll { $0.deadline <= now }
      return due
    }
    for continuation in due { continuation.resume() }
  }
}
