import Dispatch
import Synchronization

/// The executor of a ``VirtualClock``'s scope (``VirtualClock/run(_:)``): runs the scope's
/// tasks one job at a time, in order, and tells the clock whenever nothing is left to run,
/// which is when virtual time may move. Tasks started inside the scope (`async let`, task
/// groups) run here too, so a task that is about to wait always gets to start its wait
/// before the clock moves: waits that a real clock would overlap overlap here, every time.
final class VirtualExecutor: TaskExecutor {
  private let queue = DispatchQueue(label: "Tape.VirtualClock")
  private let pending = Mutex(0)
  private let onIdle: @Sendable () -> Void
  private static let marker = DispatchSpecificKey<ObjectIdentifier>()

  /// An executor that calls `onIdle` (on its own queue) each time it runs out of jobs.
  init(onIdle: @escaping @Sendable () -> Void) {
    self.onIdle = onIdle
    queue.setSpecific(key: Self.marker, value: ObjectIdentifier(self))
  }

  /// Queues a job; runs it, then reports idleness if nothing else is queued.
  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    pending.withLock { $0 += 1 }
    queue.async {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
      let idle = self.pending.withLock { count in
        count -= 1
        return count == 0
      }
      if idle { self.onIdle() }
    }
  }

  /// Whether the calling code is running on this executor.
  var isCurrent: Bool {
    DispatchQueue.getSpecific(key: Self.marker) == ObjectIdentifier(self)
  }
}
