import Synchronization

/// An answer a URLSession replay or recording delivers later, from another thread: a
/// request being recorded, or a replayed answer waiting for its deadline on the real clock.
/// Stopping it (the URLSession task was cancelled) cancels its task, if any, and drops its
/// delivery.
final class PendingAnswer: Sendable {
  private let state = Mutex<(task: Task<Void, Never>?, stopped: Bool)>((nil, false))

  /// The task producing the answer, if one does.
  var task: Task<Void, Never>? {
    get { state.withLock { $0.task } }
    set {
      let stopped = state.withLock { state in
        state.task = newValue
        return state.stopped
      }
      if stopped { newValue?.cancel() }
    }
  }

  /// Whether the request was stopped: then nothing is delivered.
  var isStopped: Bool { state.withLock { $0.stopped } }

  /// Cancels the task and drops the delivery.
  func stop() {
    let task = state.withLock { state in
      state.stopped = true
      return state.task
    }
    task?.cancel()
  }
}
