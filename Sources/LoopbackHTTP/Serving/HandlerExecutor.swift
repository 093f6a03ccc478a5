import Dispatch
import Foundation
import Synchronization

/// Runs the handlers' jobs on threads of LoopbackHTTP's own, never on the concurrency pool.
///
/// A server must answer even while the pool is busy: its clients may be the very tasks that
/// hold the pool's threads (on 2 cores the pool has 2), waiting in `URLSession` or in a
/// blocking call for an answer. Handlers run as tasks that prefer this executor (SE-0417), so
/// their own code and the default actors they call run here too.
final class HandlerExecutor: TaskExecutor, Sendable {
  /// The executor every server's handlers share.
  static let shared = HandlerExecutor(
    threads: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))

  private let jobs = Mutex<[UnownedJob]>([])
  private let available = DispatchSemaphore(value: 0)

  /// Starts `threads` threads that run jobs as they come, for the life of the process.
  init(threads: Int) {
    for _ in 0..<threads {
      let thread = Thread { [self] in
        while true {
          available.wait()
          guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else {
            continue
          }
          job.runSynchronously(on: asUnownedTaskExecutor())
        }
      }
      thread.name = "LoopbackHTTP handler"
      thread.start()
    }
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    jobs.withLock { $0.append(unowned) }
    available.signal()
  }
}
