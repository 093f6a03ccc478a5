import Foundation

/// Runs blocking work (a child process, a pipe read) on its own thread, so that it never
/// holds a thread of the concurrency pool that other tests' servers need.
func offThePool<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws
  -> Value
{
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread { continuation.resume(with: Result { try body() }) }
    thread.start()
  }
}

/// A failed step in blocking test code, thrown rather than recorded off the test's task.
struct BlockingStepFailed: Error, CustomStringConvertible {
  var description: String
}
