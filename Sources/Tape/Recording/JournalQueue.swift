import Dispatch
import Synchronization

/// What a ``RecordingJournal``'s thread has still to do, and what others may ask of it:
/// the items in order, whether it is idle, why it stopped writing, and when it has caught up.
///
/// At most ``backlog`` exchanges wait: a connection that answers faster than the journal
/// writes waits for room, so that a process killed under load loses only a handful of the
/// exchanges it had answered.
final class JournalQueue: Sendable {
  /// One thing for the journal's thread to do.
  enum Item: Sendable {
    /// Redact, hand back, journal.
    case exchange(slot: Int, AnsweredExchange)
    /// Live secrets of the session, learned elsewhere.
    case secrets([String])
    /// Append a `committing` line with this fingerprint.
    case mark(String)
  }

  /// The most exchanges that wait for the journal's thread.
  static let backlog = 64

  private struct State {
    var items: [Item] = []
    var isIdle = true
    var isClosed = false
    var failure: String?
    var caughtUp: [DispatchSemaphore] = []
  }

  private let state = Mutex(State())
  private let wake = DispatchSemaphore(value: 0)
  private let room = DispatchSemaphore(value: JournalQueue.backlog)
  private let exited = DispatchSemaphore(value: 0)

  /// Why the journal stopped being written, if it did.
  var failure: String? { state.withLock { $0.failure } }

  /// Notes why the journal stopped being written (the first reason stays).
  func fail(_ reason: String) {
    state.withLock { $0.failure = $0.failure ?? reason }
  }

  /// Queues `item` and wakes the thread; an exchange waits for room first.
  func push(_ item: Item) {
    if case .exchange = item { room.wait() }
    let (wakes, closed) = state.withLock { state -> (Bool, Bool) in
      guard !state.isClosed else { return (false, true) }
      state.items.append(item)
      defer { state.isIdle = false }
      return (state.isIdle, false)
    }
    if closed, case .exchange = item { room.signal() }  // the next one waiting goes on too
    if wakes { wake.signal() }
  }

  /// The thread's next items, waiting for some; nil once closed.
  func take() -> [Item]? {
    while true {
      let next = state.withLock { state -> [Item]?? in
        if state.isClosed { return .some(nil) }
        guard !state.items.isEmpty else {
          state.isIdle = true
          for waiter in state.caughtUp { waiter.signal() }
          state.caughtUp = []
          return nil
        }
        defer { state.items = [] }
        return .some(state.items)
      }
      if let next { return next }
      wake.wait()
    }
  }

  /// Gives back the room `count` exchanges took.
  func done(exchanges count: Int) {
    for _ in 0..<count { room.signal() }
  }

  /// Waits until the thread has done everything queued before this call.
  func flush() {
    let waiter = state.withLock { state -> DispatchSemaphore? in
      guard !state.isClosed, !(state.isIdle && state.items.isEmpty) else { return nil }
      let waiter = DispatchSemaphore(value: 0)
      state.caughtUp.append(waiter)
      return waiter
    }
    waiter?.wait()
  }

  /// Stops the thread: what is queued is dropped. Returns whether it was running.
  @discardableResult
  func close() -> Bool {
    let (wasOpen, waiters) = state.withLock { state in
      defer {
        state.isClosed = true
        state.items = []
        state.caughtUp = []
      }
      return (!state.isClosed, state.caughtUp)
    }
    for waiter in waiters { waiter.signal() }
    if wasOpen {
      wake.signal()
      room.signal()
    }
    return wasOpen
  }

  /// Called by the thread as it ends.
  func finished() {
    exited.signal()
  }

  /// Waits for the thread to end (after ``close()``).
  func waitForExit() {
    exited.wait()
  }
}
