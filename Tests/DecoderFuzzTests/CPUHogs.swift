import Foundation
import Glibc
import Synchronization

/// Threads that keep one core busy until stopped, so that a test runs its inputs on a
/// loaded core: the hogs and the thread that measures are confined to the same core (and
/// so are the workers it spawns, which inherit it), so with two hogs an input gets at most
/// a third of that core, and its wall time stretches accordingly.
///
/// Confined to one core, not spread over all of them: four hogs on both cores starved the
/// HTTP tests running alongside into timeouts, and at the lowest priority instead (nice 19)
/// the hogs and the input were starved in turn by everything else.
final class CPUHogs: Sendable {
  private let stopped = Atomic(false)

  /// The core the hogs and the measuring threads share: the highest one this process may
  /// use.
  static let core: Int? = {
    var set = cpu_set_t()
    guard let getAffinity = affinityFunction("sched_getaffinity"),
      getAffinity(0, MemoryLayout<cpu_set_t>.size, &set) == 0
    else { return nil }
    return withUnsafeBytes(of: &set) { bytes in
      bytes.indices.reversed().lazy.compactMap { index -> Int? in
        let byte = bytes[index]
        guard byte != 0 else { return nil }
        return index * 8 + (7 - byte.leadingZeroBitCount)
      }.first
    }
  }()

  /// Starts `count` spinning threads on ``core``.
  init(count: Int = 2) {
    for _ in 0..<count {
      Thread { [self] in
        Self.confineThisThread()
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

  /// Confines the calling thread to ``core`` (call it only on a thread made for the test).
  static func confineThisThread() {
    guard let core, core < MemoryLayout<cpu_set_t>.size * 8,
      let setAffinity = affinityFunction("sched_setaffinity")
    else { return }
    var set = cpu_set_t()
    withUnsafeMutableBytes(of: &set) { $0[core / 8] = 1 << (core % 8) }
    _ = setAffinity(0, MemoryLayout<cpu_set_t>.size, &set)
  }

  /// `sched_getaffinity` or `sched_setaffinity` (for the calling thread with pid 0), which
  /// Glibc's Swift module does not declare (they need `_GNU_SOURCE`).
  private static func affinityFunction(_ name: String)
    -> (@convention(c) (pid_t, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32)?
  {
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
    return unsafeBitCast(
      symbol, to: (@convention(c) (pid_t, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32).self)
  }
}
