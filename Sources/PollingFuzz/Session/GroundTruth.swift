import CloudProgress

/// What really happens to a generated task, over virtual time: queued, then running with a
/// percent, then its outcome, or running past the end of any run (``runningMilliseconds``
/// nil). The judge compares a poller's conclusion with this, never with what the wire said.
public struct GroundTruth: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How a finished task ended.
  public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// Everything succeeded.
    case succeeded
    /// The task failed.
    case failed
    /// Part of it succeeded.
    case partiallySucceeded
    /// The task was stopped.
    case stopped
    /// The task timed out.
    case timedOut

    /// The normalized phase of this outcome.
    public var phase: TaskProgress.Phase {
      switch self {
      case .succeeded: .succeeded
      case .failed: .failed
      case .partiallySucceeded: .partiallySucceeded
      case .stopped: .stopped
      case .timedOut: .timedOut
      }
    }
  }

  /// How long the task waits before it starts, in milliseconds from the first poll.
  public var queuedMilliseconds: Int
  /// How long it runs, in milliseconds; nil when it never finishes.
  public var runningMilliseconds: Int?
  /// The last part of the run in which the wire already looks finished but the task is not:
  /// Quality's SUCCESS with the file still PREPARING, CPTS's `process_status` 1 while a
  /// project still imports. Zero for none.
  public var settlingMilliseconds: Int
  /// The percent at which progress stalls until the end, if it does (a stall at 99%).
  public var stallPercent: Int?
  /// How it ends.
  public var outcome: Outcome

  /// Creates a ground truth.
  public init(
    queuedMilliseconds: Int = 0, runningMilliseconds: Int?, settlingMilliseconds: Int = 0,
    stallPercent: Int? = nil, outcome: Outcome = .succeeded
  ) {
    self.queuedMilliseconds = max(0, queuedMilliseconds)
    self.runningMilliseconds = runningMilliseconds.map { max(1, $0) }
    self.settlingMilliseconds = max(0, min(settlingMilliseconds, runningMilliseconds ?? 0))
    self.stallPercent = stallPercent
    self.outcome = outcome
  }

  /// When the task finishes, in milliseconds; nil when it never does.
  public var finishesAt: Int? { runningMilliseconds.map { queuedMilliseconds + $0 } }

  /// The real phase at `milliseconds` after the first poll.
  public func phase(at milliseconds: Int) -> TaskProgress.Phase {
    if milliseconds < queuedMilliseconds { return .queued }
    guard let finishesAt, milliseconds >= finishesAt else { return .running }
    return outcome.phase
  }

  /// Whether the wire looks finished while the task is not, at `milliseconds`.
  public func isSettling(at milliseconds: Int) -> Bool {
    guard let finishesAt, settlingMilliseconds > 0 else { return false }
    return milliseconds >= finishesAt - settlingMilliseconds && milliseconds < finishesAt
  }

  /// The real percent at `milliseconds`: 0 while queued, rising while running (held at the
  /// stall, 100 while settling), 100 once finished.
  public func percent(at milliseconds: Int) -> Double {
    if milliseconds < queuedMilliseconds { return 0 }
    guard let runningMilliseconds else {
      let linear = min(99, Double(milliseconds - queuedMilliseconds) / 6_000)
      return stallPercent.map { min(Double($0), linear) } ?? linear
    }
    if isSettling(at: milliseconds) || milliseconds >= queuedMilliseconds + runningMilliseconds {
      return 100
    }
    let linear = Double(milliseconds - queuedMilliseconds) * 100 / Double(runningMilliseconds)
    return stallPercent.map { min(Double($0), linear) } ?? linear
  }

  /// `queued 3 s, runs 120 s (settles 20 s, stalls at 99%), then succeeded`.
  public var description: String {
    var text = "queued \(secondsText(queuedMilliseconds)), "
    guard let runningMilliseconds else {
      return text + "runs and never finishes" + (stallPercent.map { " (stalls at \($0)%)" } ?? "")
    }
    text += "runs \(secondsText(runningMilliseconds))"
    var notes: [String] = []
    if settlingMilliseconds > 0 {
      notes.append("looks done \(secondsText(settlingMilliseconds)) early")
    }
    if let stallPercent { notes.append("stalls at \(stallPercent)%") }
    if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
    return text + ", then \(outcome.rawValue)"
  }
}

/// `12.5 s`.
func secondsText(_ milliseconds: Int) -> String {
  milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
}
