import Foundation

/// The client's time: what time it is (signatures, token expiry, deadlines) and how to
/// wait between polls. Tests and replays pass a virtual one, so nothing really sleeps.
public struct ClientClock: Sendable {
  /// The current wall-clock time.
  public var now: @Sendable () -> Date
  /// Waits for a duration; throws `CancellationError` when the task is cancelled.
  public var sleep: @Sendable (Duration) async throws -> Void

  /// A clock from its two functions.
  public init(
    now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void
  ) {
    self.now = now
    self.sleep = sleep
  }

  /// The system's time and `Task.sleep`.
  public static let system = ClientClock(
    now: { Date() }, sleep: { duration in try await Task.sleep(for: duration) })

  /// The system's time, and waits that return at once (still throwing when cancelled): for
  /// replaying cassettes in tests without real sleeping.
  public static let immediate = ClientClock(
    now: { Date() }, sleep: { _ in try Task.checkCancellation() })
}
