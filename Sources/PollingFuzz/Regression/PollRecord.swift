import CloudProgress

/// What a finding's cassette keeps about each poll beyond the exchange itself (in its
/// metadata, `pollingFuzz.polls`): the truth at that moment, and the faults a cassette
/// cannot hold (a dropped connection, a slow answer).
struct PollRecord: Hashable, Sendable, Codable {
  /// The real phase when the poll was sent.
  var truth: String
  /// The connection dropped (or was cut partway through the body): no interaction in the
  /// cassette.
  var dropped: Bool?
  /// How long the answer took, in milliseconds, when it was slow.
  var delayMilliseconds: Int?
  /// The fault laid over the poll, for the reader.
  var fault: String?

  /// The record of a live exchange.
  init(_ exchange: Exchange) {
    truth = exchange.truth.rawValue
    // A cut connection leaves no interaction in the cassette either.
    dropped = exchange.status == nil || exchange.fault == .truncatedBody ? true : nil
    let delay = milliseconds(exchange.answeredAt - exchange.sentAt)
    delayMilliseconds = delay > 0 ? delay : nil
    fault = exchange.fault?.description
  }

  /// The truth as a phase.
  var phase: TaskProgress.Phase { TaskProgress.Phase(rawValue: truth) ?? .unknown }
}
