import Foundation

/// What a campaign did to one target.
public struct TargetReport: Hashable, Sendable {
  /// The target's name.
  public var target: String
  /// Inputs run.
  public var executions = 0
  /// Wall time spent, in seconds.
  public var seconds = 0.0
  /// Inputs accepted by every oracle.
  public var accepted = 0
  /// Inputs rejected as expected.
  public var rejected = 0
  /// Inputs that were findings (before deduplication).
  public var findingInputs = 0
  /// Slow inputs that were not slow again when run on their own after minimizing, and so
  /// were not kept.
  public var unconfirmedSlowInputs = 0
  /// Distinct findings, minimized, in the order found.
  public var findings: [Finding] = []
  /// For each finding, whether it was new (not in the corpus yet).
  public var isNew: [Bool] = []
  /// Where each finding was saved, when saving.
  public var files: [URL] = []
  /// The size of the target's corpus at the end (seeds plus inputs with new behaviour).
  public var corpusSize = 0

  /// Creates an empty report.
  public init(target: String) {
    self.target = target
  }

  /// How many findings were new.
  public var newFindings: Int { isNew.count(where: { $0 }) }

  /// Inputs per second.
  public var executionsPerSecond: Double { seconds > 0 ? Double(executions) / seconds : 0 }
}

/// A live snapshot of a campaign, for a progress line.
public struct FuzzProgress: Hashable, Sendable {
  /// Inputs run so far, all targets.
  public var executions = 0
  /// Distinct findings so far.
  public var findings = 0
  /// Total corpus size of the targets started so far.
  public var corpusSize = 0
  /// Seconds since the start.
  public var elapsed = 0.0

  /// Creates a snapshot.
  public init(executions: Int = 0, findings: Int = 0, corpusSize: Int = 0, elapsed: Double = 0) {
    self.executions = executions
    self.findings = findings
    self.corpusSize = corpusSize
    self.elapsed = elapsed
  }
}
