import Synchronization

/// A time line that moves only when the test moves it, for a ``SessionServer`` on it: a
/// sleeper wakes once the time reaches its deadline, and the test can wait until a request
/// is asleep on it (in flight).
final class ManualTime: Sendable {
  private struct Sleeper {
    var id: Int
    var deadline: Duration
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct State {
    var now: Duration = .zero
    var nextID = 0
    var sleepers: [Sleeper] = []
    /// Waiters for a sleeper due at a deadline.
    var watchers: [(deadline: Duration, continuation: CheckedContinuation<Void, Never>)] = []
  }

  private let state = Mutex(State())

  /// The time since the start.
  var now: Duration { state.withLock { $0.now } }

  /// Moves the time on by `duration`, waking the sleepers due by then.
  func advance(by duration: Duration) {
    let due = state.withLock { state in
      state.now += duration
      let now = state.now
      let due = state.sleepers.filter { $0.deadline <= now }
      state.sleepers.removeAll { $0.deadline <= now }
      return due
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Sleeps until the time has moved on by `duration`; throws when cancelled.
  func sleep(_ duration: Duration) async throws {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let watchers: [(deadline: Duration, continuation: CheckedContinuation<Void, Never>)]? =
          state.withLock { state in
            // Under the lock: a cancellation handler that ran first has left the flag set.
            if Task.isCancelled { return nil }
            let deadline = state.now + duration
            state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
            let found = state.watchers.filter { $0.deadline == deadline }
            state.watchers.removeAll { $0.deadline == deadline }
            return found
          }
        guard let watchers else {
          continuation.resume(throwing: CancellationError())
          return
        }
        for watcher in watchers { watcher.continuation.resume() }
      }
    } onCancel: {
      let sleeper = state.withLock { state in
        let found = state.sleepers.first { $0.id == id }
        state.sleepers.removeAll { $0.id == id }
        return found
      }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Returns once something sleeps until `deadline` (a slow answer in flight).
  func untilSleeping(until deadline: Duration) async {
    await withCheckedContinuation { continuation in
      let asleep = state.withLock { state in
        if state.sleepers.contains(where: { $0.deadline == deadline }) { return true }
        state.watchers.append((deadline, continuation))
        return false
      }
      if asleep { continuation.resume() }
    }
  }
}
