import Dispatch
import Synchronization

/// Runs the async handler for a connection thread and blocks that thread (never a thread of
/// the concurrency pool) until the answer is ready.
///
/// One bridge serves every request of a connection, one at a time: a task runs the handler
/// on ``HandlerExecutor`` (not the concurrency pool, which the server's own clients may be
/// holding), stores the answer and signals; the connection thread waits on the semaphore.
final class HandlerBridge: Sendable {
  private let ready = DispatchSemaphore(value: 0)
  private let answer = Mutex<HTTPResponse?>(nil)
  private let handler: RequestHandling

  /// Creates a bridge to `handler`.
  init(handler: RequestHandling) {
    self.handler = handler
  }

  /// Calls the handler with `request` and waits for its answer (a blocking handler answers
  /// on this thread).
  func respond(to request: HTTPRequest) -> HTTPResponse {
    switch handler {
    case .blocking(let respond):
      return respond(request)
    case .async(let handler):
      return respond(to: request, with: handler)
    }
  }

  private func respond(to request: HTTPRequest, with handler: @escaping HTTPHandler)
    -> HTTPResponse
  {
    Task(executorPreference: HandlerExecutor.shared) { [self] in
      let response = await handler(request)
      answer.withLock { $0 = response }
      ready.signal()
    }
    ready.wait()
    return answer.withLock { $0.take() }
      ?? .text("Internal Server Error: the handler gave no answer\n", status: 500)
  }
}
