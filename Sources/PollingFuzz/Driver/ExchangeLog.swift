import CloudProgress
import Synchronization

/// The exchanges of one session as they happen, and when the session ends without the
/// poller: a request after the virtual deadline, or past the most polls a session may take,
/// is a hang; a poller already caught going on after the end, or sending refused requests
/// again and again, is cut short (its oracle has failed; running it to the hang would only
/// cost time). Either way the request never returns (a poller that swallows every error
/// cannot spin forever).
final class ExchangeLog: Sendable {
  private struct Ending {
    var reason: String
    var isHang: Bool
  }

  private struct State {
    var exchanges: [Exchange] = []
    var polls = 0
    var refusalsInARow = 0
    var pollsAfterTerminal: Int?
    var concludedAt: Duration?
    var pollsAfterConclusion = 0
    var reports: [ProgressReport] = []
    var ending: Ending?
    var onEnd: (@Sendable () -> Void)?
  }

  private let state = Mutex(State())
  /// The virtual time after which a request is a hang.
  let hangAfter: Duration
  /// The most polls a session may make.
  let pollLimit: Int
  /// How many refused answers in a row, or polls after a terminal answer, cut it short.
  let cutShortAfter: (refusals: Int, pollsAfterTerminal: Int)

  init(expectations: Expectations) {
    hangAfter = expectations.hangAfter
    pollLimit = expectations.pollLimit
    cutShortAfter = (expectations.refusalsInARow + 3, expectations.pollsAfterTerminal + 3)
  }

  /// Calls `action` once when the session ends without the poller (at once if it has).
  func onEnd(_ action: @escaping @Sendable () -> Void) {
    let ended = state.withLock { state in
      state.onEnd = action
      return state.ending != nil
    }
    if ended { action() }
  }

  /// Admits a request sent at `time`: the poll's number for a poll, 0 for an identity
  /// request; nil when the session has ended (the caller must then never return).
  func admit(at time: Duration, isPoll: Bool) -> Int? {
    let (admitted, action): (Int?, (@Sendable () -> Void)?) = state.withLock { state in
      if state.ending != nil { return (nil, nil) }
      var reason: String?
      if time > hangAfter {
        reason =
          "still polling at \(format(time)), past the session's virtual limit of "
          + "\(format(hangAfter)), after \(state.polls) polls"
      } else if isPoll && state.polls >= pollLimit {
        reason = "still polling after \(pollLimit) polls (\(format(time)))"
      }
      if let reason {
        state.ending = Ending(reason: reason, isHang: true)
        return (nil, state.onEnd)
      }
      guard isPoll else { return (0, nil) }
      state.polls += 1
      return (state.polls - 1, nil)
    }
    action?()
    return admitted
  }

  /// Ends the session as a hang (the virtual time ran out with the poller asleep).
  func declareHang(_ reason: String) {
    end(Ending(reason: reason, isHang: true))
  }

  /// Adds an exchange, and cuts the session short when it shows the poller will not stop.
  func append(_ exchange: Exchange) {
    let ending: Ending? = state.withLock { state in
      state.exchanges.append(exchange)
      guard exchange.kind == .poll else { return nil }
      state.refusalsInARow = exchange.isRefusal ? state.refusalsInARow + 1 : 0
      if let after = state.pollsAfterTerminal {
        state.pollsAfterTerminal = after + 1
      } else if exchange.shows?.isTerminal == true {
        state.pollsAfterTerminal = 0
      }
      if let concludedAt = state.concludedAt, exchange.sentAt > concludedAt {
        state.pollsAfterConclusion += 1
        if state.pollsAfterConclusion > 3 {
          return Ending(
            reason: "\(state.pollsAfterConclusion) polls after it concluded", isHang: false)
        }
      }
      if state.refusalsInARow > cutShortAfter.refusals {
        return Ending(reason: "\(state.refusalsInARow) refused requests in a row", isHang: false)
      }
      if let after = state.pollsAfterTerminal, after > cutShortAfter.pollsAfterTerminal {
        return Ending(reason: "\(after) polls after the end", isHang: false)
      }
      return nil
    }
    if let ending { end(ending) }
  }

  /// Notes that the poller concluded at `time`: a poll after it is one left running.
  func concluded(at time: Duration) {
    state.withLock { $0.concludedAt = time }
  }

  /// Notes what the poller said it read at `time`, beside the last answer it could read.
  func report(_ progress: TaskProgress, at time: Duration) {
    state.withLock { state in
      let answer = state.exchanges.last { $0.kind == .poll && $0.shows != nil }
      state.reports.append(ProgressReport(progress: progress, at: time, answer: answer))
    }
  }

  /// What the poller reported, in order.
  var reports: [ProgressReport] { state.withLock { $0.reports } }

  private func end(_ ending: Ending) {
    let action = state.withLock { state -> (@Sendable () -> Void)? in
      guard state.ending == nil else { return nil }
      state.ending = ending
      return state.onEnd
    }
    action?()
  }

  /// The exchanges so far, in the order they were sent.
  var exchanges: [Exchange] {
    state.withLock { $0.exchanges }.sorted { $0.sentAt < $1.sentAt }
  }

  /// Why the session hung, if it did.
  var hang: String? {
    state.withLock { $0.ending?.isHang == true ? $0.ending?.reason : nil }
  }

  /// Why the session was cut short without a hang, if it was.
  var cutShort: String? {
    state.withLock { $0.ending?.isHang == false ? $0.ending?.reason : nil }
  }

  /// Suspends the calling task for good: a hung session's requests never return.
  static func park() async -> Never {
    await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
    preconditionFailure("a parked request was resumed")
  }
}
