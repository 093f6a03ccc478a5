import Foundation

/// How ``ProgressClient/poll(_:policy:random:)`` paces itself and when it gives up.
///
/// After the n-th unfinished snapshot (n from 0) it waits a random duration in
/// `floor...ceiling`, where `ceiling = min(maximumInterval, initialInterval × multiplier^n)`
/// and `floor = min(minimumInterval, ceiling)` ("full jitter" above a floor, so that no two
/// polls come closer than `minimumInterval`). A throttled request (429) waits what
/// `Retry-After` says but never less than `throttleFloor` (a `Retry-After: 0` storm is still
/// a storm), else `throttleFloor` plus a jittered backoff. A 5xx (but 501) or a lost
/// connection is retried with the same backoff (or its `Retry-After`, when longer), at most
/// `maximumRetries` times in a row; so is an IAM token request that met a 429 or a 5xx.
/// Nothing else is retried: never a refused signature (five in a row lock the key) or a 403.
public struct PollingPolicy: Hashable, Sendable {
  /// The backoff ceiling of the first wait.
  public var initialInterval: Duration
  /// How much the ceiling grows after each unfinished snapshot.
  public var multiplier: Double
  /// The largest ceiling.
  public var maximumInterval: Duration
  /// How long polling may take in all; nil for no limit.
  public var deadline: Duration?
  /// How many failed requests in a row (5xx, lost connections) are retried.
  public var maximumRetries: Int
  /// The least wait after a 429, whatever its `Retry-After` says.
  public var throttleFloor: Duration
  /// The least wait between polls and between retries (unless the ceiling is lower).
  public var minimumInterval: Duration

  /// A policy; the defaults follow the API notes: 2 s doubling to 30 s, 15 minutes in all,
  /// 5 retries, at least 2 s after a 429 and 1 s between any two polls.
  public init(
    initialInterval: Duration = .seconds(2), multiplier: Double = 2,
    maximumInterval: Duration = .seconds(30), deadline: Duration? = .seconds(900),
    maximumRetries: Int = 5, throttleFloor: Duration = .seconds(2),
    minimumInterval: Duration = .seconds(1)
  ) {
    self.initialInterval = initialInterval
    self.multiplier = max(1, multiplier)
    self.maximumInterval = maximumInterval
    self.deadline = deadline
    self.maximumRetries = max(0, maximumRetries)
    self.throttleFloor = throttleFloor
    self.minimumInterval = max(.zero, minimumInterval)
  }

  /// The backoff ceiling after `step` earlier waits: `min(maximumInterval,
  /// initialInterval × multiplier^step)`.
  public func ceiling(step: Int) -> Duration {
    let seconds = initialInterval.seconds * Foundation.pow(multiplier, Double(max(0, step)))
    return .seconds(min(maximumInterval.seconds, seconds))
  }

  /// A jittered wait for `step`: uniform in `min(minimumInterval, ceiling)...ceiling`, to the
  /// millisecond.
  public func jitteredDelay(
    step: Int, using random: inout some RandomNumberGenerator
  ) -> Duration {
    let ceiling = Int((ceiling(step: step).seconds * 1000).rounded())
    guard ceiling > 0 else { return .zero }
    let floor = min(ceiling, Int((minimumInterval.seconds * 1000).rounded(.up)))
    return .milliseconds(Int.random(in: floor...ceiling, using: &random))
  }
}
