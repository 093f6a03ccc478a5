import CloudProgress

/// A failing session, as found and as shrunk.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
  /// The session as generated, and how it went.
  public var original: Verdict
  /// The smallest session found that fails the same oracle (``PollingFuzz/save(_:poller:to:)``
  /// records it as a cassette).
  public var minimized: Verdict
  /// What the poller was held to.
  public var expectations: Expectations

  /// The oracle the minimized session fails first.
  public var oracle: Oracle? { minimized.violations.first?.oracle }

  /// The minimized verdict, and the original's size.
  public var description: String {
    "\(minimized)\n(shrunk from \(original.polls) polls and \(original.session.weight) "
      + "faults and twists to \(minimized.polls) polls and \(minimized.session.weight))"
  }
}

/// What a run found, and how fast it went.
public struct FuzzReport: Hashable, Sendable, CustomStringConvertible {
  /// The API.
  public var api: CloudAPI
  /// The run's seed.
  public var seed: UInt64
  /// How many sessions ran.
  public var sessions: Int
  /// How many polls they made in all.
  public var polls: Int
  /// The virtual time they covered in all.
  public var virtualTime: Duration
  /// The real time the run took (minimization included).
  public var elapsed: Duration
  /// The failing sessions, minimized.
  public var findings: [Finding]

  /// `check: 200 sessions (seed 1), 4,812 polls, 31 h virtual in 0.8 s: no finding`, then
  /// each finding.
  public var description: String {
    let hours = Double(milliseconds(virtualTime)) / 3_600_000
    var text =
      "\(api): \(sessions) sessions (seed \(seed)), \(polls) polls, "
      + "\((hours * 10).rounded() / 10) h virtual in \(format(elapsed)): "
    text += findings.isEmpty ? "no finding" : "\(findings.count) finding(s)"
    for finding in findings { text += "\n\n" + finding.description }
    return text
  }
}
