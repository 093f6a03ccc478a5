import Dispatch
import Foundation
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The proxy's exchanges kept after their answers have gone back to the client (redacting
/// and recording them), off the request's path; ``drain()`` returns once all are kept.
final class KeepingQueue: Sendable {
  private let queue = DispatchQueue(label: "tape.proxy.keeping", attributes: .concurrent)
  private let group = DispatchGroup()

  /// Records an exchange in its slot soon, on a thread of the queue (the recorder redacts
  /// it before keeping anything); the request is recorded as the client sent it.
  func keep(
    _ body: Data, _ response: HTTPURLResponse, of request: URLRequest, slot: Int,
    offset: Duration, in recorder: CassetteRecorder
  ) {
    queue.async(group: group) {
      recorder.complete(
        slot: slot, request: request, response: response, body: body, offset: offset)
    }
  }

  /// Returns when everything run so far has finished.
  func drain() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      group.notify(queue: .global()) { continuation.resume() }
    }
  }
}
