/// Shrinks a failing session to the fewest polls and faults that still fail the same
/// oracle: drops faults and twists, shortens their runs and moves them earlier, and
/// shortens the task (no queue, a shorter run, no stall, no settling), keeping each change
/// that still fails.
enum SessionMinimizer {
  /// The smallest failing verdict found within `budget` runs.
  static func minimize(
    _ failing: Verdict, expectations: Expectations, budget: Int = 400, poller: @escaping Poller
  ) async -> Verdict {
    guard let oracle = failing.violations.first?.oracle else { return failing }
    var best = failing
    var runs = 0
    var improved = true
    while improved, runs < budget {
      improved = false
      for candidate in candidates(best.session) where runs < budget {
        runs += 1
        let verdict = await SessionDriver.run(candidate, expectations: expectations, poller: poller)
        guard verdict.violations.contains(where: { $0.oracle == oracle }),
          smaller(verdict, than: best)
        else { continue }
        best = verdict
        improved = true
        break
      }
    }
    return best
  }

  /// Whether `verdict` is a smaller failure than `best`: fewer faults and twists, then
  /// fewer polls, then a shorter task.
  private static func smaller(_ verdict: Verdict, than best: Verdict) -> Bool {
    let size = { (verdict: Verdict) in
      (
        verdict.session.weight, verdict.polls,
        (verdict.session.truth.finishesAt ?? Int.max) / 1000
      )
    }
    return size(verdict) < size(best)
  }

  /// `session` without each one of the effects at `effects`, one candidate each.
  private static func dropping<Effect>(
    _ effects: WritableKeyPath<PollingSession, [Scheduled<Effect>]>,
    from session: PollingSession
  ) -> [PollingSession] {
    session[keyPath: effects].indices.map { index in
      var smaller = session
      smaller[keyPath: effects].remove(at: index)
      return smaller
    }
  }

  /// `session` with each effect at `effects` hitting half as many polls, and starting at
  /// half its first poll, one candidate each.
  private static func shortening<Effect>(
    _ effects: WritableKeyPath<PollingSession, [Scheduled<Effect>]>,
    of session: PollingSession
  ) -> [PollingSession] {
    var result: [PollingSession] = []
    for (index, effect) in session[keyPath: effects].enumerated() {
      if effect.count > 1 {
        var shorter = session
        shorter[keyPath: effects][index].count = effect.count == 2 ? 1 : effect.count / 2
        result.append(shorter)
      }
      if effect.poll > 0 {
        var earlier = session
        earlier[keyPath: effects][index].poll = effect.poll / 2
        result.append(earlier)
      }
    }
    return result
  }

  /// Every one-step simplification of `session`, the biggest cuts first.
  private static func candidates(_ session: PollingSession) -> [PollingSession] {
    var result: [PollingSession] = []
    result += dropping(\.faults, from: session) + dropping(\.twists, from: session)
    result += shortening(\.faults, of: session) + shortening(\.twists, of: session)
    let truth = session.truth
    if truth.queuedMilliseconds > 0 {
      var unqueued = session
      unqueued.truth.queuedMilliseconds = 0
      result.append(unqueued)
    }
    if let running = truth.runningMilliseconds, running > 1000 {
      var shorter = session
      shorter.truth = GroundTruth(
        queuedMilliseconds: truth.queuedMilliseconds, runningMilliseconds: running / 2,
        settlingMilliseconds: min(truth.settlingMilliseconds, running / 2),
        stallPercent: truth.stallPercent, outcome: truth.outcome)
      result.append(shorter)
    }
    if truth.runningMilliseconds == nil {
      var ending = session
      ending.truth.runningMilliseconds = 60_000
      result.append(ending)
    }
    if truth.stallPercent != nil {
      var unstalled = session
      unstalled.truth.stallPercent = nil
      result.append(unstalled)
    }
    if truth.settlingMilliseconds > 0 {
      var settled = session
      settled.truth.settlingMilliseconds = 0
      result.append(settled)
    }
    if truth.outcome != .succeeded {
      var succeeding = session
      succeeding.truth.outcome = .succeeded
      result.append(succeeding)
    }
    return result
  }
}
