import Foundation

/// Runs blocking work (socket calls) on a new thread of its own and awaits its result, so
/// that tests never block the Swift concurrency pool the server's handlers need.
func onDedicatedThread<Result: Sendable>(
  _ body: @escaping @Sendable () throws -> Result
) async throws -> Result {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      continuation.resume(with: Swift.Result { try body() })
    }
    thread.start()
  }
}
