import Dispatch
import Synchronization

/// What a ``RecordingJournal``'s thread has still to do, and what others may ask of it:
/// the items in order, whether it is idle, why it stopped writing, and when it has caught up.
///
/// Waking the thread for each exchange cost a busy proxy more than the journal's own work
/// (a single client's answers took 40 µs longer), so the thread, once it has caught up,
/// lingers: it looks again after ``linger`` without being woken, for ``lingerLimit``, and
/// only then sleeps until woken. An exchange is thus journaled at most ``linger`` after it
/// was kept, and sooner when many come (a quarter of the backlog wakes the thread).
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
  /// How long the thread, caught up, waits before it looks again without being woken.
  static let linger = DispatchTimeInterval.milliseconds(1)
  /// How long the thread lingers with nothing to do before it sleeps until woken.
  static let lingerLimit = Duration.milliseconds(50)

  /// What the journal's thread is doing.
  private enum Mode {
    /// Working through items: what is queued now is taken next.
    case working
    /// Caught up, looking again after ``linger``.
    case lingering
    /// Caught up for a while, waiting to be woken.
    case sleeping
  }

  private struct State {
    var items: [Item] = []
    var exchanges = 0
    var mode = Mode.sleeping
    var idleSince: ContinuousClock.Instant?
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
    let isExchange: Bool
    if case .exchange = item { isExchange = true } else { isExchange = false }
    if isExchange { room.wait() }
    let (wakes, closed) = state.withLock { state -> (Bool, Bool) in
      guard !state.isClosed else { return (false, true) }
      state.items.append(item)
      if isExchange { state.exchanges += 1 }
      switch state.mode {
      case .working: return (false, false)
      case .lingering: return (!isExchange || state.exchanges >= Self.backlog / 4, false)
      case .sleeping:
        state.mode = .working
        return (true, false)
      }
    }
    if closed, isExchange { room.signal() }  // the next one waiting goes on too
    if wakes { wake.signal() }
  }

  /// What ``take()`` does next.
  private enum Next {
    case items([Item])
    case linger
    case sleep
    case stop
  }

  /// The thread's next items, waiting for some; nil once closed.
  func take() -> [Item]? {
    while true {
      let next = state.withLock { state -> Next in
        if state.isClosed { return .stop }
        guard state.items.isEmpty else {
          state.mode = .working
          state.idleSince = nil
          defer {
            state.items = []
            state.exchanges = 0
          }
          return .items(state.items)
        }
        for waiter in state.caughtUp { waiter.signal() }
        state.caughtUp = []
        let now = ContinuousClock.now
        let idleSince = state.idleSince ?? now
        state.idleSince = idleSince
        state.mode = now - idleSince < Self.lingerLimit ? .lingering : .sleeping
        return state.mode == .lingering ? .linger : .sleep
      }
      switch next {
      case .items(let items): return items
      case .stop: return nil
      case .linger: _ = wake.wait(timeout: .now() + Self.linger)
      case .sleep: wake.wait()
      }
    }
  }

  /// Gives back the room `count` exchanges took.
  func done(exchanges count: Int) {
    for _ in 0..<count { room.signal() }
  }

  /// Waits until the thread has done everything queued before this call.
  func flush() {
    let waiter = state.withLock { state -> DispatchSemaphore? in
      guard !state.isClosed, !(state.mode != .working && state.items.isEmpty) else { return nil }
      let waiter = DispatchSemaphore(value: 0)
      state.caughtUp.append(waiter)
      return waiter
    }
    guard let waiter else { return }
    wake.signal()  // a lingering thread looks at once
    waiter.wait()
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
