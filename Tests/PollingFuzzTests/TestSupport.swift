import CloudProgress
import CloudProgressClient
import PollingFuzz

/// `ProgressClient.poll` as a poller under test: every snapshot, the last one concluded.
func progressClientPoller(policy: PollingPolicy = PollingPolicy()) -> Poller {
  { context in
    var last: TaskProgress?
    for try await progress in context.client.poll(
      context.task, policy: policy, random: SeededGenerator(seed: context.seed))
    {
      last = progress
    }
    return .finished(last?.phase ?? .unknown)
  }
}
