import Foundation
import Synchronization

/// The simulator's mutable state: polls per task, issued tokens, the rate window and the
/// request counter. One lock, held only for bookkeeping, never while answering.
final class SimulatorWorld: Sendable {
  private struct State {
    var polls: [String: Int] = [:]
    var attempts: [String: Int] = [:]
    var firstPoll: [String: Date] = [:]
    var tokens: [String: Date] = [:]
    var windowStart: Date?
    var windowCount = 0
    var requests = 0
  }

  private let state = Mutex(State())

  /// The next `X-Request-Id`: 32 hex digits, like the gateway's.
  func nextRequestID() -> String {
    let number = state.withLock { state in
      state.requests += 1
      return state.requests
    }
    let digits = String(number, radix: 16)
    return String(repeating: "0", count: max(0, 32 - digits.count)) + digits
  }

  /// Counts a request against the rate limit; false when it is over the limit.
  func admit(at now: Date, limit: SimulatorScenario.RateLimit) -> Bool {
    state.withLock { state in
      if let start = state.windowStart, now.timeIntervalSince(start) < limit.seconds {
        guard state.windowCount < limit.requests else { return false }
        state.windowCount += 1
      } else {
        state.windowStart = now
        state.windowCount = 1
      }
      return true
    }
  }

  /// Counts a request to a task, answered or not; returns its number (1 for the first).
  func attempt(_ key: String) -> Int {
    state.withLock { state in
      state.attempts[key, default: 0] += 1
      return state.attempts[key] ?? 1
    }
  }

  /// Records a poll of a task; returns its number and the seconds since the first poll.
  func poll(_ key: String, at now: Date) -> (poll: Int, elapsed: Double) {
    state.withLock { state in
      state.polls[key, default: 0] += 1
      let first = state.firstPoll[key] ?? now
      state.firstPoll[key] = first
      return (state.polls[key] ?? 1, now.timeIntervalSince(first))
    }
  }

  /// Issues a token valid until `expiry`.
  func issueToken(expiring expiry: Date) -> String {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<24).map { _ in String(generator.next() % 16, radix: 16) }.joined()
    let token = "MIISimulatorToken" + random
    state.withLock { $0.tokens[token] = expiry }
    return token
  }

  /// When a token expires; nil for a token never issued.
  func expiry(of token: String) -> Date? {
    state.withLock { $0.tokens[token] }
  }
}
