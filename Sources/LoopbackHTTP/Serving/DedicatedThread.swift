import SystemInterface

/// Starts detached POSIX threads for blocking work, which must never run on the Swift
/// concurrency pool.
enum DedicatedThread {
  /// Runs `body` on a new detached thread with a stack of `stackSize` bytes; false when the
  /// system refuses to create it.
  static func start(stackSize: Int = 512 * 1024, _ body: @escaping @Sendable () -> Void) -> Bool {
    SystemThread.startDetached(stackSize: stackSize, body)
  }
}
