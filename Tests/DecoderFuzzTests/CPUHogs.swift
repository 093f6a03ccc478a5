import Foundation
import Synchronization

/// Threads that keep every core busy until stopped, so that a test runs its inputs on a
/// loaded machine: with twice as many spinning threads as cores, an input gets at most
/// about a third of a core, and its wall time stretches accordingly.
final class CPUHogs: Sendable {
  private let stopped = Atomic(false)
  private let running = Atomic(0)

  /// Starts `count` spinning threads (by default, two per core).
  init(count: Int = 2 * ProcessInfo.processInfo.activeProcessorCount) {
    for _ in 0..<count {
      Thread { [self] in
        running.add(1, ordering: .relaxed)
        var state: UInt64 = 1
        while !stopped.load(ordering: .relaxed) {
          for _ in 0..<10_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        }
        running.subtract(1, ordering: .relaxed)
        if state == 0 { print("") }
      }.start()
    }
  }

  /// Stops the threads (they end within microseconds).
  func stop() {
    stopped.store(true, ordering: .relaxed)
  }
}
