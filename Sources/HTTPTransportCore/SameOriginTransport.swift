import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The ``HTTPTransport`` Tape sends real requests through: a `URLSession` that follows a
/// redirect only when scheme, host and port stay the same, so a request's credentials
/// (`X-Auth-Token`, `Authorization`, `X-Security-Token`, a password in the body) never
/// reach another origin.
///
/// A redirect to another origin is not followed: the 3xx itself, with its `Location` and
/// body, is the answer, as the service sent it (a recording keeps it; a client can say
/// where it pointed, see `HTTPURLResponse.redirectLocation`). `URLSession.shared`
/// and a plain session follow every redirect with the request's headers instead.
///
/// The session has no URL cache (a lookup per task on a background queue, never used). An
/// answer's body is read up to a limit (64 MiB by default, see ``ResponseBodyLimit``): past
/// it the request fails with `URLError(.dataLengthExceedsMaximum)`.
public struct SameOriginTransport: HTTPTransport {
  /// One transport for the process, on an ephemeral configuration.
  public static let shared = SameOriginTransport()

  private let owner: Owner

  /// The session that sends.
  public var session: URLSession { owner.session }

  /// A transport with its own session, made from a copy of `configuration` without a URL
  /// cache, that reads at most `maximumBodyBytes` of an answer's body.
  public init(
    configuration: URLSessionConfiguration = .ephemeral,
    maximumBodyBytes: Int = ResponseBodyLimit.defaultBytes
  ) {
    owner = Owner(configuration: configuration, maximumBodyBytes: maximumBodyBytes)
  }

  /// Sends the request and returns the final answer: a redirect within the origin is
  /// followed, one to another origin is the answer. Cancelling the calling task cancels the
  /// request.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    try Task.checkCancellation()
    let task = owner.session.dataTask(with: request)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        owner.delegate.expect(task) { continuation.resume(with: $0) }
        task.resume()
      }
    } onCancel: {
      task.cancel()
    }
  }

  /// Starts sending the request and hands the answer to `completion`, on the session's
  /// delegate queue: ``send(_:)`` for code that cannot wait on Swift concurrency.
  @discardableResult
  public func start(
    _ request: URLRequest,
    completion: @escaping @Sendable (Result<(Data, HTTPURLResponse), any Error>) -> Void
  ) -> URLSessionDataTask {
    let task = owner.session.dataTask(with: request)
    owner.delegate.expect(task, completion: completion)
    task.resume()
    return task
  }

  /// The session and its delegate; invalidates the session when the last copy of the
  /// transport is gone (a session keeps its delegate until then).
  private final class Owner: Sendable {
    let session: URLSession
    let delegate: SameOriginSessionDelegate

    init(configuration: URLSessionConfiguration, maximumBodyBytes: Int) {
      delegate = SameOriginSessionDelegate(maximumBodyBytes: maximumBodyBytes)
      let configuration = configuration.copy() as! URLSessionConfiguration
      configuration.urlCache = nil
      // Serial: a task's body and completion must arrive in order.
      let queue = OperationQueue()
      queue.name = "tape.same-origin-transport"
      queue.maxConcurrentOperationCount = 1
      session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    deinit {
      session.finishTasksAndInvalidate()
    }
  }
}
