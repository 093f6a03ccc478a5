import CloudProgress
import Foundation

/// The snapshots of one task, polled until it reaches a terminal phase; see
/// ``ProgressClient/poll(_:policy:random:)``.
///
/// Iteration runs in the caller's task: cancelling that task stops the wait and the
/// iteration throws `CancellationError`. An `.unknown` phase is yielded like any other
/// snapshot and polling goes on: it is neither done nor running.
public struct PollSequence<Random: RandomNumberGenerator & Sendable>: AsyncSequence, Sendable {
  /// A snapshot.
  public typealias Element = TaskProgress

  /// The client that polls.
  public let client: ProgressClient
  /// The task polled.
  public let task: TaskReference
  /// The pacing and limits.
  public let policy: PollingPolicy
  /// The jitter source; a seeded one gives the same schedule every time.
  public let random: Random

  /// An iterator; each one polls afresh.
  public func makeAsyncIterator() -> Iterator {
    Iterator(client: client, task: task, policy: policy, random: random)
  }

  /// Polls one task; each ``next()`` returns the next snapshot, nil after the terminal one.
  public struct Iterator: AsyncIteratorProtocol, Sendable {
    let client: ProgressClient
    let task: TaskReference
    let policy: PollingPolicy
    var random: Random
    var start: Date?
    var step = 0
    var failures = 0
    var throttles = 0
    var finished = false
    var last: TaskProgress?
    /// The wait before the next poll, once a snapshot is unfinished.
    public private(set) var nextPollIn: Duration?
    /// The waits so far, in order (polls and retries): the schedule.
    public private(set) var waits: [Duration] = []
    /// The wire anomalies of the latest answer.
    public private(set) var wireAnomalies: [WireAnomaly] = []

    init(client: ProgressClient, task: TaskReference, policy: PollingPolicy, random: Random) {
      self.client = client
      self.task = task
      self.policy = policy
      self.random = random
    }

    /// The next snapshot; nil once a terminal one was returned. Throws
    /// ``ProgressClientError`` (or `CancellationError`) and then ends.
    public mutating func next() async throws -> TaskProgress? {
      guard !finished else { return nil }
      do {
        return try await poll()
      } catch {
        finished = true
        throw error
      }
    }

    private mutating func poll() async throws -> TaskProgress {
      if start == nil {
        start = client.clock.now()
      } else if let delay = nextPollIn {
        try await wait(delay)
      }
      while true {
        try Task.checkCancellation()
        let answer: any TaskProgressReporting
        do {
          answer = try await client.progress(of: task)
        } catch let error as ProgressClientError {
          try await wait(try retryDelay(after: error))
          continue
        }
        failures = 0
        throttles = 0
        wireAnomalies = answer.wireAnomalies
        let progress = answer.taskProgress
        last = progress
        if progress.isTerminal {
          finished = true
          nextPollIn = nil
        } else {
          nextPollIn = policy.jitteredDelay(step: step, using: &random)
          step += 1
        }
        return progress
      }
    }

    /// How long to wait before retrying after `error`, or the error when it is final.
    private mutating func retryDelay(after error: ProgressClientError) throws -> Duration {
      switch PollRetry.classify(error) {
      case .final:
        throw error
      case .throttled(let retryAfter?):
        // Found by the polling fuzzer: `Retry-After: 0` (or a date already past) made a
        // request storm; a 429 is never answered sooner than the throttle floor.
        return Swift.max(retryAfter, policy.throttleFloor)
      case .throttled(nil):
        throttles += 1
        return policy.throttleFloor + policy.jitteredDelay(step: throttles - 1, using: &random)
      case .transient(let retryAfter):
        failures += 1
        guard failures <= policy.maximumRetries else {
          throw ProgressClientError.retriesExhausted(attempts: failures, last: error)
        }
        let backoff = policy.jitteredDelay(step: failures - 1, using: &random)
        return Swift.max(backoff, retryAfter ?? .zero)
      }
    }

    /// Sleeps `delay`, unless polling again after it would pass the deadline.
    private mutating func wait(_ delay: Duration) async throws {
      if let deadline = policy.deadline, let start {
        let elapsed = client.clock.now().timeIntervalSince(start)
        if elapsed + delay.seconds > deadline.seconds {
          throw ProgressClientError.deadlineExceeded(after: deadline, last: last)
        }
      }
      waits.append(delay)
      try await client.clock.sleep(delay)
    }
  }
}

extension ProgressClient {
  /// Polls `task` until it reaches a terminal phase, yielding every snapshot (the terminal
  /// one last), with backoff, retries and a deadline as `policy` says.
  ///
  /// ```swift
  /// for try await progress in client.poll(.check(taskID: id)) {
  ///   print(progress)  // running 50%: running … succeeded 100%: success
  /// }
  /// ```
  public func poll<Random: RandomNumberGenerator & Sendable>(
    _ task: TaskReference, policy: PollingPolicy = PollingPolicy(), random: Random
  ) -> PollSequence<Random> {
    PollSequence(client: self, task: task, policy: policy, random: random)
  }

  /// Polls `task` with the system's random jitter; see ``poll(_:policy:random:)``.
  public func poll(_ task: TaskReference, policy: PollingPolicy = PollingPolicy())
    -> PollSequence<SystemRandomNumberGenerator>
  {
    poll(task, policy: policy, random: SystemRandomNumberGenerator())
  }
}
