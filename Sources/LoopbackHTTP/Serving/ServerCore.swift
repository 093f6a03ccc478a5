import Synchronization
import SystemInterface

/// What the accepting thread and the connection threads of one server share: the
/// configuration, the handler, the sockets, and the count of connections being served.
///
/// Shutdown: ``beginStop()`` raises a flag and writes to the stop pipe, which wakes the
/// accepting thread and every connection thread idling between requests. The server has
/// stopped when the accepting thread has closed the listening socket and the last connection
/// thread has ended; ``waitUntilStopped()`` returns then. The pipes are closed when the last
/// thread lets go of the core.
final class ServerCore: Sendable {
  /// The configuration, normalized.
  let configuration: HTTPServerConfiguration
  /// The code answering requests.
  let handler: RequestHandling
  /// The listening socket.
  let listener: ListeningSocket
  /// Readable once the server is stopping.
  let stopPipe: WakeupPipe
  /// Written to wake the accepting thread when a connection slot frees up.
  let slotPipe: WakeupPipe

  /// A connection not yet past its first request's head, or in the middle of a head: the
  /// only kind the accepting thread may close to make room.
  private struct Waiting {
    var descriptor: Int32
    var since: ContinuousClock.Instant
  }

  private struct Occupancy {
    var activeConnections = 0
    var nextID = 0
    var waiting: [Int: Waiting] = [:]
    var acceptorWaitsForSlot = false
    var acceptorFinished = false
    var stopped = false
    var stopWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let stopping = Atomic<Bool>(false)
  private let occupancy = Mutex(Occupancy())

  /// Creates the shared state of a server that has bound `listener`.
  init(
    configuration: HTTPServerConfiguration, handler: RequestHandling,
    listener: ListeningSocket, stopPipe: WakeupPipe, slotPipe: WakeupPipe
  ) {
    self.configuration = configuration
    self.handler = handler
    self.listener = listener
    self.stopPipe = stopPipe
    self.slotPipe = slotPipe
  }

  deinit {
    stopPipe.close()
    slotPipe.close()
  }

  /// Whether shutdown has begun.
  var isStopping: Bool { stopping.load(ordering: .acquiring) }

  /// Begins shutdown; later calls do nothing.
  func beginStop() {
    if stopping.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
      .exchanged
    {
      stopPipe.signal()
    }
  }

  /// Returns once the server has stopped.
  func waitUntilStopped() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let alreadyStopped = occupancy.withLock { state in
        if !state.stopped { state.stopWaiters.append(continuation) }
        return state.stopped
      }
      if alreadyStopped { continuation.resume() }
    }
  }

  /// Whether every connection slot is taken; if so the accepting thread will be woken
  /// through ``slotPipe`` when one frees up.
  func isAtCapacity() -> Bool {
    occupancy.withLock { state in
      let full = state.activeConnections >= configuration.maxConnections
      state.acceptorWaitsForSlot = full
      return full
    }
  }

  /// Counts a connection the accepting thread is about to hand to its own thread; its id.
  func connectionOpened(descriptor: Int32) -> Int {
    occupancy.withLock { state in
      state.activeConnections += 1
      state.nextID += 1
      return state.nextID
    }
  }

  /// Records that connection `id` is reading a request head: it may be closed to make room
  /// for a new connection when every slot is taken.
  func connectionWaits(_ id: Int, descriptor: Int32) {
    occupancy.withLock { $0.waiting[id] = Waiting(descriptor: descriptor, since: .now) }
  }

  /// Records that connection `id` has a whole request head (or is about to close): it is no
  /// longer closed to make room. Called before its descriptor is closed.
  func connectionBusy(_ id: Int) {
    _ = occupancy.withLock { $0.waiting.removeValue(forKey: id) }
  }

  /// Makes room for a waiting new connection: shuts down the connection that has spent the
  /// longest on an unfinished request head, if at least `minimum` (a client that sends its
  /// head at once is never shut down). False when there is none. A connection that has sent
  /// nothing yet is not displaced: a client that opens many connections before it writes on
  /// any looks the same, so the idle timeout closes it, as every server does.
  ///
  /// Slots are only as scarce as the slowest clients make them: 500 clients trickling one
  /// byte a second cannot keep a well-behaved client out, since each new connection
  /// displaces the oldest of them.
  func evictSlowestWaiting(minimum: Duration) -> Bool {
    occupancy.withLock { state in
      let now = ContinuousClock.Instant.now
      guard let (id, oldest) = state.waiting.min(by: { $0.value.since < $1.value.since }),
        now - oldest.since >= minimum
      else { return false }
      state.waiting[id] = nil
      // Under the lock: the connection's thread cannot close the descriptor in between.
      _ = shutdown(oldest.descriptor, Int32(SHUT_RDWR))
      return true
    }
  }

  /// Counts a connection whose thread has ended (or never started).
  func connectionClosed(_ id: Int) {
    let (wakeAcceptor, waiters) = occupancy.withLock { state in
      state.activeConnections -= 1
      state.waiting[id] = nil
      let wake = state.acceptorWaitsForSlot
      state.acceptorWaitsForSlot = false
      return (wake, Self.finishIfDone(&state))
    }
    if wakeAcceptor { slotPipe.signal() }
    for waiter in waiters { waiter.resume() }
  }

  /// Records that the accepting thread has closed the listening socket and ended.
  func acceptorFinished() {
    let waiters = occupancy.withLock { state in
      state.acceptorFinished = true
      return Self.finishIfDone(&state)
    }
    for waiter in waiters { waiter.resume() }
  }

  /// The current number of connections being served.
  var activeConnections: Int { occupancy.withLock { $0.activeConnections } }

  private static func finishIfDone(_ state: inout Occupancy) -> [CheckedContinuation<Void, Never>] {
    guard state.acceptorFinished, state.activeConnections == 0, !state.stopped else { return [] }
    state.stopped = true
    defer { state.stopWaiters = [] }
    return state.stopWaiters
  }
}
