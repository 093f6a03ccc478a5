import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The delegate of a ``SameOriginTransport``'s session: follows a redirect only when it stays
/// on the origin the task was sent to, and collects each task's answer for its completion,
/// up to a limit on the body.
///
/// Measured on Swift 6.3.1 for Linux: the redirect callback is honoured only on the session's
/// delegate (a task delegate given to `data(for:delegate:)` is never asked, and the redirect
/// is followed), and a refused redirect's body reaches the delegate's `didReceive data` but
/// not `data(for:)` or a completion handler, which answer the 3xx with an empty body. So
/// tasks run without a completion handler and their bodies are collected here.
final class SameOriginSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
  /// What a task's caller gets: the body and head, or why there is none.
  typealias Completion = @Sendable (Result<(Data, HTTPURLResponse), any Error>) -> Void

  private struct Pending {
    var body = Data()
    let completion: Completion
  }

  private let pending = Mutex<[Int: Pending]>([:])
  /// The most bytes of a body collected; past it the task is cancelled and fails.
  let maximumBodyBytes: Int

  init(maximumBodyBytes: Int) {
    self.maximumBodyBytes = max(0, maximumBodyBytes)
  }

  /// Hands `task`'s answer to `completion` when it completes (call before resuming it).
  func expect(_ task: URLSessionTask, completion: @escaping Completion) {
    pending.withLock { $0[task.taskIdentifier] = Pending(completion: completion) }
  }

  /// Follows `request` when its origin is the one the task was sent to; otherwise the
  /// redirect itself is the answer, and nothing is sent to the other origin.
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    let sent = (task.originalRequest?.url).flatMap(Origin.init)
    let target = request.url.flatMap(Origin.init)
    completionHandler(sent != nil && sent == target ? request : nil)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    let limit = maximumBodyBytes
    let overflowed = pending.withLock { state -> Pending? in
      let id = dataTask.taskIdentifier
      guard let collected = state[id]?.body.count else { return nil }
      guard collected + data.count <= limit else { return state.removeValue(forKey: id) }
      state[id]?.body.append(data)
      return nil
    }
    guard let overflowed else { return }
    // What was collected goes with the entry; the cancelled task's completion finds none.
    dataTask.cancel()
    overflowed.completion(
      .failure(ResponseBodyLimit.exceeded(limit, url: dataTask.originalRequest?.url)))
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?
  ) {
    guard let done = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else {
      return
    }
    if let error {
      done.completion(.failure(error))
    } else if let response = task.response as? HTTPURLResponse {
      done.completion(.success((done.body, response)))
    } else {
      done.completion(.failure(URLError(.badServerResponse)))
    }
  }
}
