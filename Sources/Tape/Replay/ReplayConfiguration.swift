/// How a ``CassettePlayer`` matches and answers.
public struct ReplayConfiguration: Sendable {
  /// The matchers a request must satisfy; ``RequestMatcher/defaults`` unless set.
  public var matchers: [RequestMatcher]
  /// What to answer once a request's recorded responses are used up.
  public var exhaustion: ExhaustionPolicy
  /// When to deliver responses.
  public var pacing: ReplayPacing
  /// The clock for pacing and fault delays.
  public var clock: ReplayClock
  /// Faults laid over the replay, by what they hit: requests of a method and path pattern,
  /// or an interaction's index (`[1: .status(503)]`). See ``FaultTarget``.
  public var faults: [FaultTarget: FaultOverlay]
  /// The value each tenant placeholder of the cassette stands for on this replay, for a
  /// client that needs a real-looking project (domain, workspace, user) id: answers carry
  /// the value where the cassette has ``TenantIdentifier/placeholder`` (bodies and header
  /// values, `Content-Length` kept right), and a request carrying the value matches as if it
  /// carried the placeholder. Empty (the default): placeholders are served as recorded, and
  /// only requests carrying them match.
  public var tenantIdentifiers: [TenantIdentifier]
  /// The rules a live request passes through before it is matched and before any report
  /// shows it, the same as the recording's: a cassette holding `<X_AUTH_TOKEN>` replays for
  /// any live token, and no report, issue or log line shows the live one.
  public var redactor: Redactor

  /// Creates a configuration.
  public init(
    matchers: [RequestMatcher] = RequestMatcher.defaults,
    exhaustion: ExhaustionPolicy = .repeatLast,
    pacing: ReplayPacing = .immediate, clock: ReplayClock = .continuous,
    faults: [FaultTarget: FaultOverlay] = [:], tenantIdentifiers: [TenantIdentifier] = [],
    redactor: Redactor = .standard
  ) {
    self.redactor = redactor
    self.matchers = matchers
    self.exhaustion = exhaustion
    self.pacing = pacing
    self.clock = clock
    self.faults = faults
    self.tenantIdentifiers = tenantIdentifiers
  }
}
