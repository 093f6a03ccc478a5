import Foundation
import Synchronization
import SystemInterface

/// Threads that keep every core busy until stopped, so that a test runs its inputs on a
/// loaded machine: with twice as many spinning threads as cores, an input gets at most
/// about a third of a core, and its wall time stretches accordingly.
///
/// The hogs run at the lowest priority (nice 19), and so must the thread that measures
/// and the workers it spawns (``lowerThisThreadsPriority()``; a child inherits it): they
/// then compete with each other as on a loaded machine, and the rest of the machine loads
/// them further, while the rest of the test run, at normal priority, hardly notices them.
/// (At normal priority, even confined to one core, they starved the HTTP tests running
/// alongside into timeouts.)
final class CPUHogs: Sendable {
  private let stopped = Atomic(false)

  /// Starts `count` spinning threads (by default, two per core).
  init(count: Int = 2 * ProcessInfo.processInfo.activeProcessorCount) {
    for _ in 0..<count {
      Thread { [self] in
        Self.lowerThisThreadsPriority()
        var state: UInt64 = 1
        while !stopped.load(ordering: .relaxed) {
          for _ in 0..<10_000 { state = state &* 6_364_136_223_846_793_005 &+ 1 }
        }
        if state == 0 { print("") }
      }.start()
    }
  }

  /// Stops the threads (they end within microseconds).
  func stop() {
    stopped.store(true, ordering: .relaxed)
  }

  /// Gives the calling thread the lowest priority, nice 19 (Linux sets it per thread; a
  /// thread cannot raise it again, so call it only on a thread made for the test). Linux
  /// only: elsewhere it does nothing.
  static func lowerThisThreadsPriority() {
    #if os(Linux)
      lowerThisLinuxThreadsPriority()
    #endif
  }

  #if os(Linux)
    private static func lowerThisLinuxThreadsPriority() {
      var buffer = [CChar](repeating: 0, count: 64)
      let count = readlink("/proc/thread-self", &buffer, buffer.count - 1)
      guard count > 0 else { return }
      let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      guard let thread = link.split(separator: "/").last.flatMap({ id_t($0) }) else { return }
      #if canImport(Glibc)
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), thread, 19)
      #else
        setpriority(PRIO_PROCESS, thread, 19)
      #endif
    }
  #endif
}
