/// One request and the response it got, with its timing.
public struct Interaction: Hashable, Sendable {
  /// The request.
  public var request: RecordedRequest
  /// The response.
  public var response: RecordedResponse
  /// When the request was sent, from the start of the recording.
  public var offset: Duration
  /// How long the response took.
  public var duration: Duration
  /// How many identical exchanges in a row this one stands for (a run of the same poll
  /// answer stored once); at least 1.
  public var repeatCount: Int
  /// When each repeat after the first was sent, from the start of the recording, so that a
  /// folded run replays on the timeline it was recorded on (``ReplayPacing/recordedCadence``);
  /// `repeatCount - 1` offsets, or empty when not known (then every repeat is due at once).
  public var repeatOffsets: [Duration]
  /// The names of the values redacted before the interaction was written, such as
  /// `request.header.X-Auth-Token`; never the values.
  public var redactions: [String]

  /// Creates an interaction.
  public init(
    request: RecordedRequest, response: RecordedResponse, offset: Duration = .zero,
    duration: Duration = .zero, repeatCount: Int = 1, repeatOffsets: [Duration] = [],
    redactions: [String] = []
  ) {
    self.repeatOffsets = repeatOffsets
    self.request = request
    self.response = response
    self.offset = offset
    self.duration = duration
    self.repeatCount = max(1, repeatCount)
    self.redactions = redactions
  }

  /// When the repeat at `index` (0 for the first exchange of the run) was sent: its
  /// recorded offset, or the run's first offset when the repeats' offsets are not known.
  public func offset(ofRepeat index: Int) -> Duration {
    guard index > 0, index <= repeatOffsets.count else { return offset }
    return repeatOffsets[index - 1]
  }
}
