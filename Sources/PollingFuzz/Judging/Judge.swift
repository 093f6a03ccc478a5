import CloudProgress

/// Holds a poller's conclusion and its requests against the ground truth: every oracle, in
/// one pass over the exchanges. The same judge reads a live session and a replayed cassette.
enum Judge {
  /// The violations of one session, at most one per oracle (the first), in oracle order.
  static func violations(
    exchanges: [Exchange], conclusion: Conclusion?, concludedAt: Duration?, hang: String?,
    reports: [ProgressReport] = [], expectations: Expectations
  ) -> [Violation] {
    var found: [Oracle: Violation] = [:]
    func add(_ violation: Violation) {
      if found[violation.oracle] == nil { found[violation.oracle] = violation }
    }
    let polls = exchanges.filter { $0.kind == .poll }
    if let hang { add(Violation(.hang, hang, poll: polls.last?.poll)) }
    if let conclusion, let concludedAt {
      judgeConclusion(
        conclusion, at: concludedAt, polls: polls, exchanges: exchanges, expectations
      ).map(add)
      if let late = polls.first(where: { $0.sentAt > concludedAt }) {
        add(
          Violation(
            .pollsAfterConclusion,
            "polled \(polls.count { $0.sentAt > concludedAt }) more times after it concluded at "
              + "\(format(concludedAt)), the first at \(format(late.sentAt)) (a poll left running)",
            poll: late.poll))
      }
    }
    judgeReports(reports).map(add)
    judgeTerminal(polls, expectations).map(add)
    judgeTiming(exchanges, expectations).forEach(add)
    judgeRefusals(polls, expectations).map(add)
    if let deadline = expectations.deadline,
      let late = polls.first(where: { $0.sentAt > deadline + expectations.deadlineSlack })
    {
      add(
        Violation(
          .missedDeadline,
          "polled at \(format(late.sentAt)), past its deadline of \(format(deadline)) "
            + "(+\(format(expectations.deadlineSlack)) slack)", poll: late.poll))
    }
    return Oracle.allCases.compactMap { found[$0] }
  }

  private static func judgeConclusion(
    _ conclusion: Conclusion, at time: Duration, polls: [Exchange], exchanges: [Exchange],
    _ expectations: Expectations
  ) -> Violation? {
    let lastRead = polls.last { $0.shows != nil }
    let last = polls.last
    switch conclusion {
    case .finished(let phase):
      guard let lastRead else {
        return Violation(.doneEarly, "concluded \(phase.rawValue) without reading one answer")
      }
      if lastRead.shows == .unknown {
        return Violation(
          .stoppedOnUnknown,
          "concluded \(phase.rawValue) on an unknown status (the task was "
            + "\(lastRead.truth.rawValue))", poll: lastRead.poll)
      }
      guard phase.isTerminal, lastRead.truth.isTerminal, lastRead.shows?.isTerminal == true else {
        return Violation(
          .doneEarly,
          "concluded \(phase.rawValue) at \(format(time)) while the task was "
            + "\(lastRead.truth.rawValue) (the answer showed \(lastRead.shows?.rawValue ?? "-"))",
          poll: lastRead.poll)
      }
      guard sameOutcome(phase, lastRead.truth) else {
        return Violation(
          .wrongOutcome, "concluded \(phase.rawValue), the task \(lastRead.truth.rawValue)",
          poll: lastRead.poll)
      }
      return nil
    case .gaveUp(let reason):
      // Near its deadline, or asked to wait past it: giving up is the poller's right.
      let wait = max(expectations.deadlineSlack, last?.retryAfter ?? .zero)
      if let deadline = expectations.deadline, time + wait >= deadline {
        return nil
      }
      guard let last else {
        return Violation(.gaveUpWithoutCause, "gave up without polling: \(reason)")
      }
      if last.isTransient {
        // A 401 (a token to renew) inside the run neither ends it nor counts in it.
        let run = polls.reversed().prefix { $0.isTransient || $0.status == 401 }
          .count(where: \.isTransient)
        if run >= expectations.temporaryFailuresToRideOut { return nil }
        return Violation(
          .gaveUpWithoutCause,
          "gave up at \(format(time)) after \(run) temporary failure\(run == 1 ? "" : "s") in "
            + "a row (the last: \(last.fault?.description ?? last.status.map(String.init) ?? "-"))"
            + ", fewer than the \(expectations.temporaryFailuresToRideOut) to ride out: \(reason)",
          poll: last.poll)
      }
      if last.status == 401, expectations.renewsExpiredToken,
        !exchanges.contains(where: { $0.kind == .identity && $0.sentAt >= last.answeredAt })
      {
        return Violation(
          .gaveUpWithoutCause,
          "gave up at \(format(time)) on a 401 without asking IAM for a new token: \(reason)",
          poll: last.poll)
      }
      if last.status != 200 { return nil }
      if case .oversizedBody? = last.fault { return nil }
      guard let shows = last.shows else { return nil }
      if shows == .unknown {
        return Violation(
          .stoppedOnUnknown,
          "gave up at \(format(time)) on an unknown status, long before its deadline: \(reason)",
          poll: last.poll)
      }
      if shows.isTerminal {
        return Violation(
          .wrongOutcome, "gave up though the answer showed \(shows.rawValue): \(reason)",
          poll: last.poll)
      }
      return Violation(
        .gaveUpWithoutCause,
        "gave up at \(format(time)) after an ordinary \(shows.rawValue) answer: \(reason)",
        poll: last.poll)
    }
  }

  /// Whether a concluded phase agrees with the real one; any unsuccessful end may be called
  /// failed.
  private static func sameOutcome(_ concluded: TaskProgress.Phase, _ real: TaskProgress.Phase)
    -> Bool
  {
    concluded == real || (concluded == .failed && [.stopped, .timedOut].contains(real))
  }

  private static func judgeTerminal(_ polls: [Exchange], _ expectations: Expectations)
    -> Violation?
  {
    guard let first = polls.firstIndex(where: { $0.shows?.isTerminal == true }) else { return nil }
    let after = polls.count - first - 1
    guard after > expectations.pollsAfterTerminal else { return nil }
    return Violation(
      .pollsAfterTerminal,
      "polled \(after) more times after #\(polls[first].poll ?? 0) showed "
        + "\(polls[first].shows?.rawValue ?? "")", poll: polls[first + 1].poll)
  }

  /// Retry-After, backoff and floor, for each poll after an answer.
  private static func judgeTiming(_ exchanges: [Exchange], _ expectations: Expectations)
    -> [Violation]
  {
    var violations: [Violation] = []
    var previous: Exchange?
    var renewed = false
    for exchange in exchanges {
      guard exchange.kind == .poll else {
        renewed = true
        continue
      }
      defer {
        previous = exchange
        renewed = false
      }
      guard let before = previous else { continue }
      let gap = exchange.sentAt - before.answeredAt
      let tolerance = Duration.milliseconds(1)
      if let wait = before.retryAfter, gap + tolerance < wait {
        violations.append(
          Violation(
            .ignoredRetryAfter,
            "polled \(format(gap)) after #\(before.poll ?? 0) (\(before.status.map(String.init) ?? "-")) "
              + "asked for \(format(wait))", poll: exchange.poll))
      }
      if before.status == 429, gap + tolerance < expectations.throttleFloor {
        violations.append(
          Violation(
            .noBackoff,
            "polled \(format(gap)) after a 429 (at least \(format(expectations.throttleFloor)))",
            poll: exchange.poll))
      } else if before.isTransient, gap + tolerance < expectations.floor {
        violations.append(
          Violation(
            .noBackoff,
            "polled \(format(gap)) after #\(before.poll ?? 0) failed "
              + "(\(before.fault?.description ?? before.status.map(String.init) ?? "-"))",
            poll: exchange.poll))
      } else if !(before.status == 401 && renewed), gap + tolerance < expectations.floor {
        violations.append(
          Violation(
            .tooFast,
            "polled \(format(gap)) after #\(before.poll ?? 0), under the floor of "
              + "\(format(expectations.floor))", poll: exchange.poll))
      }
    }
    return violations
  }

  /// What the poller said it read (``PollContext/report(_:)``) against what the answer
  /// showed: an unknown status reported as running, or as done, hides it.
  private static func judgeReports(_ reports: [ProgressReport]) -> Violation? {
    guard
      let misread = reports.first(where: {
        $0.answer?.shows == .unknown && $0.progress.phase != .unknown
      })
    else { return nil }
    return Violation(
      .misreportedUnknown,
      "reported #\(misread.answer?.poll ?? 0)'s unknown status as "
        + "\(misread.progress.phase.rawValue) at \(format(misread.at)): unknown must be said",
      poll: misread.answer?.poll)
  }

  private static func judgeRefusals(_ polls: [Exchange], _ expectations: Expectations)
    -> Violation?
  {
    var run = 0
    for exchange in polls {
      run = exchange.isRefusal ? run + 1 : 0
      if run > expectations.refusalsInARow {
        return Violation(
          .retriesRefusal,
          "sent \(run) requests in a row that were refused (\(exchange.status ?? 0))",
          poll: exchange.poll)
      }
    }
    return nil
  }
}
