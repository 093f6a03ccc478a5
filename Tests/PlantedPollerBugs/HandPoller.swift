import CloudProgress
import CloudProgressClient
import PollingFuzz

/// A hand-written poller, as users write them: read, decide, wait 2-5 s, retry 429 and 5xx
/// after a backoff (honouring `Retry-After`), give up on anything else and after 15 minutes.
/// Its switches plant a bug; `read` replaces how it reads an answer.
func handPoller(
  _ context: PollContext, honoursRetryAfter: Bool = true, backsOff: Bool = true,
  read: (@Sendable (ProgressClient) async throws -> Conclusion?)? = nil
) async throws -> Conclusion {
  let client = context.client
  var random = SeededGenerator(seed: context.seed)
  let start = context.clock.now
  var failures = 0
  while true {
    let elapsed = start.duration(to: context.clock.now)
    if elapsed > .seconds(840) { return .gaveUp("deadline of 900 s") }
    do {
      if let read {
        if let conclusion = try await read(client) { return conclusion }
      } else {
        let progress = try await client.progress(of: context.task).taskProgress
        context.report(progress)
        if progress.isTerminal { return .finished(progress.phase) }
      }
      failures = 0
      try await context.clock.sleep(for: .milliseconds(Int.random(in: 2000...5000, using: &random)))
    } catch let error as ProgressClientError {
      failures += 1
      guard failures <= 8 else { throw error }
      switch error {
      case .service(_, let cloudError, let retryAfter)
      where cloudError.isThrottled
        || ((500...599).contains(cloudError.httpStatus) && cloudError.httpStatus != 501):
        var wait: Duration = backsOff ? .seconds(3) : .zero
        if honoursRetryAfter, let retryAfter { wait = max(wait, retryAfter) }
        try await context.clock.sleep(for: wait)
      case .transport:
        try await context.clock.sleep(for: backsOff ? .seconds(3) : .zero)
      default:
        throw error
      }
    }
  }
}

/// ``handPoller(_:honoursRetryAfter:backsOff:read:)`` reading answers with `read`.
func handPoller(
  _ context: PollContext, read: @escaping @Sendable (ProgressClient) async throws -> Conclusion?
) async throws -> Conclusion {
  try await handPoller(context, honoursRetryAfter: true, backsOff: true, read: read)
}
