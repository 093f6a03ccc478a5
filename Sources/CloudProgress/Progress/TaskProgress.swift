import Foundation

/// The state of a long-running import or export, normalized across the five APIs.
///
/// Built by each response model's ``TaskProgressReporting/taskProgress``. ``percent`` is nil or
/// within 0...100 by construction: an out-of-range or non-finite value passed to the
/// initializer becomes nil (the raw value stays on the model, flagged there).
public struct TaskProgress: Hashable, Sendable, CustomStringConvertible {
  /// Where a task is in its life.
  public enum Phase: String, Hashable, Sendable, CaseIterable {
    /// Accepted, not started (or, for CodeArts Check, never checked).
    case queued
    /// Being processed.
    case running
    /// Finished successfully.
    case succeeded
    /// Finished unsuccessfully.
    case failed
    /// Finished, with some parts failed.
    case partiallySucceeded
    /// Stopped before it finished.
    case stopped
    /// Gave up after running too long.
    case timedOut
    /// The service sent a state this version does not know; keep polling until a deadline.
    case unknown

    /// Whether the task will not change any more.
    public var isTerminal: Bool {
      switch self {
      case .succeeded, .failed, .partiallySucceeded, .stopped, .timedOut: true
      case .queued, .running, .unknown: false
      }
    }
  }

  /// Where the task is.
  public let phase: Phase
  /// How far it got, in percent, when the service says or it can be derived.
  public let percent: Double?
  /// A human-readable detail: a failure cause, a status text, a count.
  public let detail: String?

  /// Creates a snapshot; a `percent` outside 0...100 or not finite is dropped.
  public init(phase: Phase, percent: Double? = nil, detail: String? = nil) {
    self.phase = phase
    self.percent = percent.flatMap { (0...100).contains($0) ? $0 : nil }
    self.detail = detail.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Whether the task will not change any more.
  public var isTerminal: Bool { phase.isTerminal }

  /// `running 50%: importing`.
  public var description: String {
    var text = phase.rawValue
    if let percent { text += " \(percent.formatted(.number.precision(.fractionLength(0...2))))%" }
    if let detail { text += ": \(detail)" }
    return text
  }
}

extension TaskProgress {
  /// The snapshot of an answer whose `field` holds a value the documentation does not list:
  /// unknown, so a poller keeps polling, with the value in the detail.
  static func undocumented(_ field: String, _ value: WireScalar, percent: Double? = nil)
    -> TaskProgress
  {
    TaskProgress(phase: .unknown, percent: percent, detail: "undocumented \(field) \(value)")
  }
}
