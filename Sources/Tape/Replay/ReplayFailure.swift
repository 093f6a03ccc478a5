/// A request the player could not answer from its cassette, with the full report.
public struct ReplayFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why it could not be answered.
  public enum Kind: Hashable, Sendable {
    /// No recorded interaction matches.
    case unmatched
    /// The matching interactions were all played and the policy is ``ExhaustionPolicy/fail``.
    case exhausted
  }

  /// Why it could not be answered.
  public var kind: Kind
  /// The request, redacted, as `GET https://...` plus its headers.
  public var request: String
  /// The whole report: cassette, request, closest interaction, hints, how to add it.
  public var report: String

  /// The report.
  public var description: String { report }
}
