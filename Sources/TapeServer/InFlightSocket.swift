import Synchronization
import SystemInterface

/// The socket a request is using, so that cancelling the request shuts it down: a read or
/// write blocked on it returns at once, and the request fails as cancelled. The descriptor
/// is only shut down while registered, never after it is closed (and perhaps reused).
final class InFlightSocket: Sendable {
  private let state = Mutex<(descriptor: Int32?, cancelled: Bool)>((nil, false))

  /// Whether the request was cancelled.
  var isCancelled: Bool { state.withLock { $0.cancelled } }

  /// Registers the socket the request now uses; false when it was already cancelled.
  func use(_ descriptor: Int32) -> Bool {
    state.withLock { state in
      guard !state.cancelled else { return false }
      state.descriptor = descriptor
      return true
    }
  }

  /// Unregisters the socket, before it is closed or kept for another request.
  func release() {
    state.withLock { $0.descriptor = nil }
  }

  /// Marks the request cancelled and shuts its socket down, if it has one.
  func cancel() {
    state.withLock { state in
      state.cancelled = true
      if let descriptor = state.descriptor { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
    }
  }
}
