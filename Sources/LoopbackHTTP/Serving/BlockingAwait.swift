import Dispatch
import Synchronization

extension HTTPServer {
  /// Runs `operation` where asynchronous handlers run (LoopbackHTTP's own threads, never the
  /// concurrency pool) and blocks the calling thread until it has finished: for a blocking
  /// handler (``BlockingHTTPHandler``) that needs an asynchronous call now and then, at the
  /// cost of one hop, as an asynchronous handler pays for every request.
  ///
  /// Call it from a connection's thread (a blocking handler) or a thread of your own, never
  /// from asynchronous code.
  public static func awaitBlocking<Value: Sendable>(
    _ operation: @escaping @Sendable () async throws -> Value
  ) throws -> Value {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<Value, any Error>?>(nil)
    Task(executorPreference: HandlerExecutor.shared) {
      let result: Result<Value, any Error>
      do {
        result = .success(try await operation())
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    // Set before the signal.
    guard let result = outcome.withLock({ $0.take() }) else { preconditionFailure() }
    return try result.get()
  }
}
