import CloudProgress
import CloudProgressClient
import PollingFuzz

/// A poller bug planted on purpose, to prove that an oracle of the polling fuzzer finds it.
public enum PlantedPollerBug: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Takes an unknown status for the end (the costly mistake).
  case stopsOnUnknown
  /// Waits its own interval after a 429, whatever `Retry-After` says.
  case ignoresRetryAfter
  /// Takes 99% (or more) for done.
  case takesNinetyNinePercentAsDone
  /// Takes Quality's SUCCESS for done while the file is still PREPARING.
  case takesSuccessWithPreparingAsDone
  /// Gives up on the first 5xx or 429 (the costliest mistake: a running task reported lost).
  case givesUpOnFirstTemporaryFailure
  /// Says "running" when it read an unknown status.
  case mapsUnknownToRunning
  /// Returns its conclusion but leaves a poll running in the background (on the session's
  /// executor, where the fuzzer's clock sees all it does).
  case leavesBackgroundPollRunning
  /// Retries a 401 or 403 forever.
  case retriesRefusalForever
  /// Has no deadline: polls a task that never ends forever.
  case neverGivesUp
  /// Calls every finished task a success.
  case reportsEveryEndAsSuccess
  /// Gives up after 10 polls.
  case givesUpAfterTenPolls
  /// Polls once more after the end, "to be sure".
  case pollsOnceMoreAfterTheEnd
  /// Retries a 5xx or a lost connection at once.
  case retriesFailuresAtOnce
  /// Full jitter from zero: two polls may come a few milliseconds apart (the first version
  /// of `ProgressClient.poll`).
  case pollsWithoutFloor
  /// Falls asleep for good.
  case sleepsForever

  /// The oracle that must find it.
  public var oracle: Oracle {
    switch self {
    case .stopsOnUnknown: .stoppedOnUnknown
    case .ignoresRetryAfter: .ignoredRetryAfter
    case .takesNinetyNinePercentAsDone, .takesSuccessWithPreparingAsDone: .doneEarly
    case .givesUpOnFirstTemporaryFailure: .gaveUpWithoutCause
    case .mapsUnknownToRunning: .misreportedUnknown
    case .leavesBackgroundPollRunning: .pollsAfterConclusion
    case .retriesRefusalForever: .retriesRefusal
    case .neverGivesUp: .missedDeadline
    case .reportsEveryEndAsSuccess: .wrongOutcome
    case .givesUpAfterTenPolls: .gaveUpWithoutCause
    case .pollsOnceMoreAfterTheEnd: .pollsAfterTerminal
    case .retriesFailuresAtOnce: .noBackoff
    case .pollsWithoutFloor: .tooFast
    case .sleepsForever: .hang
    }
  }

  /// The API whose sessions show it best (SUCCESS with PREPARING is Quality's).
  public var api: CloudAPI {
    switch self {
    case .takesSuccessWithPreparingAsDone: .quality
    case .stopsOnUnknown, .retriesFailuresAtOnce, .mapsUnknownToRunning: .insight
    default: .check
    }
  }

  /// The rule name.
  public var description: String { rawValue }

  /// The poller with this bug.
  public var poller: Poller {
    switch self {
    case .stopsOnUnknown:
      return clientPoller { progress in
        progress.phase == .unknown ? .finished(.unknown) : nil
      }
    case .takesNinetyNinePercentAsDone:
      return clientPoller { progress in
        progress.phase == .running && (progress.percent ?? 0) >= 99 ? .finished(.succeeded) : nil
      }
    case .takesSuccessWithPreparingAsDone:
      return { context in
        // Reads the raw model, as a hand-written poller would: SUCCESS is done.
        try await handPoller(context) { client in
          let status = try await client.qualityResourceStatus(
            id: "fuzz-resource", workspace: "fuzz-workspace")
          context.report(status.taskProgress)
          if status.status == .succeeded { return .finished(.succeeded) }
          return status.taskProgress.isTerminal ? .finished(status.taskProgress.phase) : nil
        }
      }
    case .givesUpOnFirstTemporaryFailure:
      return { context in
        // Any error ends the loop: a 503 or a 429 is taken for the end of the task.
        var random = SeededGenerator(seed: context.seed)
        let start = context.clock.now
        while start.duration(to: context.clock.now) < .seconds(840) {
          let progress = try await context.client.progress(of: context.task).taskProgress
          context.report(progress)
          if progress.isTerminal { return .finished(progress.phase) }
          try await context.clock.sleep(
            for: .milliseconds(Int.random(in: 2000...5000, using: &random)))
        }
        return .gaveUp("deadline of 900 s")
      }
    case .mapsUnknownToRunning:
      return { context in
        var last: TaskProgress?
        for try await progress in context.client.poll(
          context.task, random: SeededGenerator(seed: context.seed))
        {
          // An undocumented status shown as "running": the user never learns of it.
          context.report(
            progress.phase == .unknown
              ? TaskProgress(phase: .running, percent: progress.percent) : progress)
          last = progress
        }
        return .finished(last?.phase ?? .unknown)
      }
    case .leavesBackgroundPollRunning:
      return { context in
        let conclusion = try await correctPoller(context)
        // A "status refresher" started for the UI and never cancelled.
        Task(executorPreference: context.clock.scopeTaskExecutor) {
          while true {
            try await context.clock.sleep(for: .seconds(30))
            _ = try? await context.client.progress(of: context.task)
          }
        }
        return conclusion
      }
    case .ignoresRetryAfter:
      return { context in try await handPoller(context, honoursRetryAfter: false) }
    case .retriesFailuresAtOnce:
      return { context in try await handPoller(context, backsOff: false) }
    case .retriesRefusalForever:
      return { context in
        while true {
          do {
            return try await correctPoller(context)
          } catch let error as ProgressClientError {
            guard error.cloudError?.httpStatus == 401 || error.cloudError?.httpStatus == 403
            else { throw error }
            try await context.clock.sleep(for: .seconds(5))
          }
        }
      }
    case .neverGivesUp:
      return { context in
        try await progressClientPoller()(context, PollingPolicy(deadline: nil))
      }
    case .reportsEveryEndAsSuccess:
      return clientPoller { progress in progress.isTerminal ? .succeeded : nil }
    case .givesUpAfterTenPolls:
      return { context in
        var polls = 0
        for try await progress in context.client.poll(
          context.task, random: SeededGenerator(seed: context.seed))
        {
          context.report(progress)
          polls += 1
          if progress.isTerminal { return .finished(progress.phase) }
          if polls == 10 { return .gaveUp("10 polls") }
        }
        return .gaveUp("no snapshot")
      }
    case .pollsOnceMoreAfterTheEnd:
      return { context in
        let conclusion = try await correctPoller(context)
        _ = try? await context.client.progress(of: context.task)
        return conclusion
      }
    case .pollsWithoutFloor:
      return { context in
        try await progressClientPoller()(
          context, PollingPolicy(minimumInterval: .zero))
      }
    case .sleepsForever:
      return { context in
        _ = try await context.client.progress(of: context.task)
        while true { try await context.clock.sleep(for: .seconds(3600)) }
      }
    }
  }
}

/// `ProgressClient.poll` with its default policy: the poller the fuzzer holds to every oracle.
public let correctPoller: Poller = { context in
  try await progressClientPoller()(context, PollingPolicy())
}

/// `ProgressClient.poll` as it was before the polling fuzzer's `check-retry-after-zero`
/// finding: no throttle floor, so a 429 with `Retry-After: 0` was retried at once.
public let noThrottleFloorPoller: Poller = { context in
  try await progressClientPoller()(context, PollingPolicy(throttleFloor: .zero))
}

/// `ProgressClient.poll` under a policy, concluding the last snapshot's phase.
func progressClientPoller() -> @Sendable (PollContext, PollingPolicy) async throws -> Conclusion {
  { context, policy in
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, policy: policy, random: SeededGenerator(seed: context.seed))
    {
      context.report(progress)
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
}

/// `ProgressClient.poll`, stopped early when `decide` returns a conclusion.
func clientPoller(_ decide: @escaping @Sendable (TaskProgress) -> Conclusion?) -> Poller {
  { context in
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, random: SeededGenerator(seed: context.seed))
    {
      context.report(progress)
      if let conclusion = decide(progress) { return conclusion }
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
}
