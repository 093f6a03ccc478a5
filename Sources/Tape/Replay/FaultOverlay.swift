/// A fault laid over the replay, on what its ``FaultTarget`` names, to test how a client
/// copes: another status, a delay, a dropped connection or a truncated body. Combine them
/// freely.
public struct FaultOverlay: Hashable, Sendable {
  /// The status to answer instead of the recorded one.
  public var status: Int?
  /// A pause before answering, on the replay clock.
  public var delay: Duration?
  /// Fail the request with `URLError(.networkConnectionLost)` instead of answering.
  public var dropsConnection: Bool
  /// Cut the connection after this many bytes of the body: the client gets the response
  /// head (with the full `Content-Length`) and those bytes, then
  /// `URLError(.networkConnectionLost)`, as from a real cut connection. A length at or beyond
  /// the body's answers it whole.
  public var truncatedBodyLength: Int?
  /// Which hit of its ``FaultTarget`` to affect, 1 for the first: the n-th request matching
  /// a request target, or the n-th play of an interaction (counted over every cycle); nil
  /// for all.
  public var play: Int?

  /// Creates an overlay.
  public init(
    status: Int? = nil, delay: Duration? = nil, dropsConnection: Bool = false,
    truncatedBodyLength: Int? = nil, play: Int? = nil
  ) {
    self.status = status
    self.delay = delay
    self.dropsConnection = dropsConnection
    self.truncatedBodyLength = truncatedBodyLength.map { max(0, $0) }
    self.play = play
  }

  /// Answer `status` instead of the recorded status (the recorded body is kept).
  public static func status(_ status: Int) -> FaultOverlay { FaultOverlay(status: status) }
  /// Pause before answering.
  public static func delay(_ duration: Duration) -> FaultOverlay { FaultOverlay(delay: duration) }
  /// Drop the connection instead of answering.
  public static let droppedConnection = FaultOverlay(dropsConnection: true)
  /// Cut the connection after `length` bytes of the body (`networkConnectionLost`, the bytes
  /// in ``URLError/partialBody``).
  public static func truncatedBody(to length: Int) -> FaultOverlay {
    FaultOverlay(truncatedBodyLength: length)
  }

  /// The same overlay, limited to one hit of its target: the `play`-th matching request, or
  /// the `play`-th play of the interaction.
  public func onPlay(_ play: Int) -> FaultOverlay {
    var overlay = self
    overlay.play = play
    return overlay
  }
}
