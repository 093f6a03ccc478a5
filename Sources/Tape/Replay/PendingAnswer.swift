import Synchronization

/// An answer a URLSession replay or recording delivers later, from another thread: a
/// request being recorded, or a replayed answer waiting for its deadline on the real clock.
/// Stopping it (the URLSession task was cancelled) cancels its task, if any, and drops its
/// delivery.
final class PendingAnswer: Sendable {
  private let state = Mutex<
    (task: Task<Void, Never>?, cancel: (@Sendable () -> Void)?, stopped: Bool)
  >((nil, nil, false))

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

  /// What cancels the request producing the answer when it runs with no task (a
  /// ``StartingHTTPTransport``'s); called at once if the answer was stopped already.
  var cancel: (@Sendable () -> Void)? {
    get { state.withLock { $0.cancel } }
    set {
      let stopped = state.withLock { state in
        state.cancel = newValue
        return state.stopped
      }
      if stopped { newValue?() }
    }
  }

  /// Whether the request was stopped: then nothing is delivered.
  var isStopped: Bool { state.withLock { $0.stopped } }

  /// Cancels the task (or the request) and drops the delivery.
  func stop() {
    let (task, cancel) = state.withLock { state in
      state.stopped = true
      return (state.task, state.cancel)
    }
    task?.cancel()
    cancel?()
  }
}
