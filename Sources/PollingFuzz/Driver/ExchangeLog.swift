import Synchronization

/// The exchanges of one session as they happen, and the session's virtual deadline: a
/// request after it, or past the most polls a session may take, ends the session as a hang,
/// and the request never returns (a poller that swallows every error cannot spin forever).
final class ExchangeLog: Sendable {
  private struct State {
    var exchanges: [Exchange] = []
    var polls = 0
    var hang: String?
    var onHang: (@Sendable (String) -> Void)?
  }

  private let state = Mutex(State())
  /// The virtual time after which a request is a hang.
  let hangAfter: Duration
  /// The most polls a session may make.
  let pollLimit: Int

  init(hangAfter: Duration, pollLimit: Int) {
    self.hangAfter = hangAfter
    self.pollLimit = pollLimit
  }

  /// Calls `action` once when the session hangs (at once if it already did).
  func onHang(_ action: @escaping @Sendable (String) -> Void) {
    let hang = state.withLock { state in
      state.onHang = action
      return state.hang
    }
    if let hang { action(hang) }
  }

  /// Admits a request sent at `time`: the poll's number for a poll, 0 for an identity
  /// request; nil when the session has hung (the caller must then never return).
  func admit(at time: Duration, isPoll: Bool) -> Int? {
    let (admitted, hang, action): (Int?, String?, (@Sendable (String) -> Void)?) = state.withLock {
      state in
      if state.hang != nil { return (nil, nil, nil) }
      var reason: String?
      if time > hangAfter {
        reason = "still polling at \(format(time)), past the session's virtual limit of "
          + "\(format(hangAfter)), after \(state.polls) polls"
      } else if isPoll && state.polls >= pollLimit {
        reason = "still polling after \(pollLimit) polls (\(format(time)))"
      }
      if let reason {
        state.hang = reason
        return (nil, reason, state.onHang)
      }
      guard isPoll else { return (0, nil, nil) }
      state.polls += 1
      return (state.polls - 1, nil, nil)
    }
    if let hang, let action { action(hang) }
    return admitted
  }

  /// Ends the session as a hang (the virtual time ran out with the poller asleep).
  func declareHang(_ reason: String) {
    let action = state.withLock { state -> (@Sendable (String) -> Void)? in
      guard state.hang == nil else { return nil }
      state.hang = reason
      return state.onHang
    }
    action?(reason)
  }

  /// Adds an exchange.
  func append(_ exchange: Exchange) {
    state.withLock { $0.exchanges.append(exchange) }
  }

  /// The exchanges so far, in the order they were sent.
  var exchanges: [Exchange] {
    state.withLock { $0.exchanges }.sorted { $0.sentAt < $1.sentAt }
  }

  /// Why the session hung, if it did.
  var hang: String? { state.withLock { $0.hang } }

  /// Suspends the calling task for good: a hung session's requests never return.
  static func park() async -> Never {
    await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
    preconditionFailure("a parked request was resumed")
  }
}
