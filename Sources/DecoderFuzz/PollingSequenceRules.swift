import CloudProgress

/// What a poller may rely on across one polling sequence, answer after answer.
///
/// 1. A terminal phase never goes back: every later snapshot is terminal, with that phase.
/// 2. The percent never goes down, unless the answer says why: a snapshot whose phase is
///    failed, stopped, timed out or unknown may give a lower percent (or none).
public enum PollingSequenceRules {
  /// The first rule `sequence` breaks, as one line naming the answers, or nil.
  public static func violation(in sequence: [TaskProgress]) -> String? {
    var terminal: (index: Int, phase: TaskProgress.Phase)?
    var highest: (index: Int, percent: Double)?
    for (index, progress) in sequence.enumerated() {
      if let terminal, progress.phase != terminal.phase {
        return "terminal phase \(terminal.phase) at answer \(terminal.index + 1) went back to "
          + "\(progress.phase) at answer \(index + 1)"
      }
      if progress.isTerminal, terminal == nil { terminal = (index, progress.phase) }
      guard let percent = progress.percent else { continue }
      if let highest, percent < highest.percent, !explainsDecrease(progress.phase) {
        return "percent went down from \(highest.percent) at answer \(highest.index + 1) to "
          + "\(percent) at answer \(index + 1) while \(progress.phase)"
      }
      if percent >= (highest?.percent ?? 0) { highest = (index, percent) }
    }
    return nil
  }

  private static func explainsDecrease(_ phase: TaskProgress.Phase) -> Bool {
    switch phase {
    case .failed, .stopped, .timedOut, .unknown: true
    case .queued, .running, .succeeded, .partiallySucceeded: false
    }
  }
}
