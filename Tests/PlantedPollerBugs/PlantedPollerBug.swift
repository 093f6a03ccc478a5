import CloudProgress
import CloudProgressClient
import PollingFuzz

/// A poller bug planted on purpose, to prove that an oracle of the polling fuzzer finds it.
public enum PlantedPollerBug: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Takes an unknown status for the end (the costly mistake).
  case stopsOnUnknown
  /// Waits its own interval after a 429, whatever `Retry-After` says.
  case ignoresRetryAfter
  /// Takes 99% (or more) for done, and Quality's SUCCESS while the file is PREPARING.
  case treatsAlmostDoneAsDone
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
    case .treatsAlmostDoneAsDone: .doneEarly
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
    case .treatsAlmostDoneAsDone: .quality
    case .stopsOnUnknown, .retriesFailuresAtOnce: .insight
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
    case .treatsAlmostDoneAsDone:
      return { context in
        // Reads the raw model, as a hand-written poller would: SUCCESS is done.
        if context.api == .quality {
          return try await handPoller(context) { client in
            let status = try await client.qualityResourceStatus(
              id: "fuzz-resource", workspace: "fuzz-workspace")
            if status.status == .succeeded { return .finished(.succeeded) }
            return status.taskProgress.isTerminal ? .finished(status.taskProgress.phase) : nil
          }
        }
        return try await clientPoller { progress in
          (progress.percent ?? 0) >= 99 ? .finished(.succeeded) : nil
        }(context)
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

/// `ProgressClient.poll` under a policy, concluding the last snapshot's phase.
func progressClientPoller() -> @Sendable (PollContext, PollingPolicy) async throws -> Conclusion {
  { context, policy in
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, policy: policy, random: SeededGenerator(seed: context.seed))
    {
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
      if let conclusion = decide(progress) { return conclusion }
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
}
