import Synchronization

/// A clock whose time moves only when something waits on it, and at once: a replay at the
/// recorded cadence on it takes no real time.
///
/// It keeps time as a real clock does for concurrent waiters. A sleep suspends its caller;
/// the clock moves to the earliest pending deadline (never back) and wakes the sleepers due
/// by then only when nothing else is ready to run, so waiters that a real clock would
/// overlap overlap here: two concurrent 5-second sleeps end at 5 s, not 10 s, while one
/// waiter's successive sleeps add up, and a lone waiter's timeline is exact.
///
/// "Nothing else is ready" is exact inside ``run(_:)`` (the `.cassette` trait runs its test
/// there when its clock is virtual): the scope's tasks, `async let` and task groups
/// included, run one job at a time on the clock's executor, which knows when it has run out
/// of work, so the result never depends on the scheduler. Outside such a scope the clock
/// steps one executor hop after each sleep, so a task that starts its wait only after
/// another sleeper was woken starts from that time.
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
  /// Runs the tasks of ``run(_:)`` scopes; made once, on first use.
  private let scopeExecutor = Mutex<VirtualExecutor?>(nil)

  /// Creates a clock at offset zero.
  public init() {}

  /// Runs `body`, and every task it starts with `async let` or a task group, one job at a
  /// time on the clock's own executor, where the clock moves only when nothing is left to
  /// run: waits that would overlap on a real clock overlap here every time, whatever the
  /// scheduler does. The `.cassette` trait runs its test this way when its clock is virtual.
  /// Code inside must not block its thread waiting for other tasks of the scope.
  public func run<Result>(_ body: () async throws -> Result) async rethrows -> Result {
    let executor = scopeExecutor.withLock { executor in
      if let executor { return executor }
      let made = VirtualExecutor { [weak self] in self?.step() }
      executor = made
      return made
    }
    return try await withTaskExecutorPreference(executor, operation: body)
  }

  /// The executor of this clock's ``run(_:)`` scopes, once one has run: for a task started
  /// inside a scope with `Task(executorPreference:)` that must run on the scope's time line
  /// without being a child of it (the polling fuzzer's poller, which may never return).
  package var scopeTaskExecutor: (any TaskExecutor)? { scopeExecutor.withLock { $0 } }

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
      // In a run(_:) scope the clock steps when the scope's executor has nothing left to
      // run, which comes after this job. Elsewhere, one step per sleeper, one executor hop
      // away: there are never fewer steps to come than sleepers waiting, and a step wakes at
      // least one sleeper whenever any waits.
      if scopeExecutor.withLock({ $0?.isCurrent }) != true {
        Task { self.step() }
      }
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
