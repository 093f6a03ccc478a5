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

  /// Creates a configuration.
  public init(
    matchers: [RequestMatcher] = RequestMatcher.defaults,
    exhaustion: ExhaustionPolicy = .repeatLast,
    pacing: ReplayPacing = .immediate, clock: ReplayClock = .continuous,
    faults: [FaultTarget: FaultOverlay] = [:]
  ) {
    self.matchers = matchers
    self.exhaustion = exhaustion
    self.pacing = pacing
    self.clock = clock
    self.faults = faults
  }
}
