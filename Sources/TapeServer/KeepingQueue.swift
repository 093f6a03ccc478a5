import Dispatch

/// Work done after an answer has gone back to the client (redacting and keeping the
/// exchange), off the request's path; ``drain()`` returns once all of it is done.
final class KeepingQueue: Sendable {
  private let queue = DispatchQueue(label: "tape.proxy.keeping", attributes: .concurrent)
  private let group = DispatchGroup()

  /// Runs `work` soon, on a thread of the queue.
  func run(_ work: @escaping @Sendable () -> Void) {
    queue.async(group: group, execute: work)
  }

  /// Returns when everything run so far has finished.
  func drain() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      group.notify(queue: .global()) { continuation.resume() }
    }
  }
}
