/// Where a simulated task is at one poll.
struct TaskStage: Hashable, Sendable {
  /// How far it got, 0...1.
  var fraction: Double
  /// Whether it has reached its outcome.
  var isFinished: Bool
  /// How many polls came after the one that saw it finish (0 on that one).
  var pollsSinceFinish: Int

  /// The stage at poll `poll` (1-based) of a script: from its percent list when it has one,
  /// after `elapsed` seconds when it is timed, from the poll count otherwise.
  init(script: TaskScript, poll: Int, elapsed: Double) {
    if let percents = script.percents, !percents.isEmpty {
      let index = min(poll, percents.count) - 1
      fraction = Double(min(100, max(0, percents[max(0, index)]))) / 100
      isFinished = poll >= percents.count
      pollsSinceFinish = max(0, poll - percents.count)
    } else if let seconds = script.seconds, seconds > 0 {
      fraction = min(1, max(0, elapsed / seconds))
      isFinished = elapsed >= seconds
      pollsSinceFinish = 0
    } else {
      let steps = max(1, script.polls - 1)
      fraction = script.polls <= 1 ? 1 : min(1, Double(poll - 1) / Double(steps))
      isFinished = poll >= script.polls
      pollsSinceFinish = max(0, poll - script.polls)
    }
  }
}
