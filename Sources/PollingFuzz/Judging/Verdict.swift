import CloudProgress

/// How one session went: what the poller concluded, the requests it made, and the oracles
/// it failed.
public struct Verdict: Hashable, Sendable, CustomStringConvertible {
  /// The session.
  public var session: PollingSession
  /// What the poller concluded; nil when it hung.
  public var conclusion: Conclusion?
  /// When it concluded, on the session's virtual time.
  public var concludedAt: Duration?
  /// Why the session was stopped before the poller concluded, when an oracle had already
  /// failed for good (refused requests or polls after the end going on and on).
  public var cutShort: String?
  /// Every request, in order.
  public var exchanges: [Exchange]
  /// The oracles it failed; empty when it passed.
  public var violations: [Violation]

  /// Whether the poller passed every oracle.
  public var passed: Bool { violations.isEmpty }

  /// How many polls it made.
  public var polls: Int { exchanges.count(where: { $0.kind == .poll }) }

  /// The session, the conclusion, each violation and the exchanges (the first 40).
  public var description: String {
    var lines = [session.description]
    lines.append(
      "poller: \(conclusion?.description ?? cutShort.map { "cut short: \($0)" } ?? "no conclusion")"
        + (concludedAt.map { " at \(format($0))" } ?? "") + " after \(polls) polls")
    lines += violations.map { "✗ \($0)" }
    if violations.isEmpty { lines.append("✓ every oracle holds") }
    lines += exchanges.prefix(40).map { "  \($0)" }
    if exchanges.count > 40 { lines.append("  ... and \(exchanges.count - 40) more") }
    return lines.joined(separator: "\n")
  }
}
