import Foundation
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Records a request that reached Tape's URLProtocol in a recording `URLSession`, the one
/// way measured to work on Linux (see DESIGN.md, Transport).
///
/// Every URLSession's work runs on one process-wide serial queue, where `startLoading`
/// runs too. Starting the inner task right there traps, blocking there until it ends hangs,
/// and calling the outer client from the inner completion thread crashes. So the inner task
/// is started from a global queue on Tape's own inner session, and its answer is delivered
/// back *on the shared queue*: the completion enqueues the delivery and kicks a
/// ``Trampoline``, whose protocol's `startLoading` (on the shared queue) runs it.
///
/// The cassette stores the request as the caller made it: the inner session's own
/// `Accept-Encoding`, `User-Agent`, `Accept-Language` and form `Content-Type` never reach
/// it, because they are added below this point.
enum SessionRecording {
  /// What really sends: one session for the process, with its own delegate queue, following
  /// no redirect to another origin (the redirect is recorded as the answer) and without a URL
  /// cache.
  static let inner: SameOriginTransport = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    return SameOriginTransport(configuration: configuration)
  }()

  /// The methods whose body a URLProtocol must see to record them faithfully.
  private static let bodyMethods: Set<String> = ["POST", "PUT", "PATCH"]

  static func start(_ loader: URLProtocol, recording: RecordingSetup) {
    let request = loader.request
    if bodyMethods.contains(request.httpMethod ?? "GET"), request.httpBody == nil,
      request.httpBodyStream == nil
    {
      // An upload(for:from:) body is invisible here, and the inner session would send the
      // request with an empty body: refuse rather than record something that never happened.
      let method = request.httpMethod ?? "POST"
      let problem = RecordingError(
        file: request.url?.absoluteString ?? "request",
        problem: .unrecordable(
          "this \(method) has no body a URLProtocol can see (a body given to "
            + "upload(for:from:) is invisible to it, and would be sent empty); set httpBody "
            + "on the URLRequest, or record through RecordingTransport"))
      loader.client?.urlProtocol(
        loader,
        didFailWithError: URLError(
          .cancelled, userInfo: [NSLocalizedDescriptionKey: problem.description]))
      return
    }
    let box = UncheckedBox(loader)
    let recorder = recording.recorder
    let (slot, offset) = recorder.begin()
    DispatchQueue.global().async {
      inner.start(request) { result in
        if case .success(let (body, response)) = result {
          recorder.complete(
            slot: slot, request: request, response: response, body: body, offset: offset)
        }
        Trampoline.shared.run {
          let loader = box.value
          guard let client = loader.client else { return }
          switch result {
          case .success(let (body, response)):
            client.urlProtocol(loader, didReceive: response, cacheStoragePolicy: .notAllowed)
            if !body.isEmpty { client.urlProtocol(loader, didLoad: body) }
            client.urlProtocolDidFinishLoading(loader)
          case .failure(let error):
            client.urlProtocol(loader, didFailWithError: error)
          }
        }
      }
    }
  }
}

/// A value handed across threads whose use is confined by construction (here: a URLProtocol
/// touched only on URLSession's shared queue).
struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Runs work on URLSession's shared queue. One long-lived dummy task on a private session,
/// whose protocol accepts only the made-up `tape-trampoline` scheme, never finishes; `run`
/// queues the work and, when the queue was empty, resumes that running task: corelibs then
/// calls the protocol's `startLoading` again, on its shared queue, where the queue is
/// drained. (A new dummy task per delivery, failed at once, did the same with a whole
/// task's life around it; suspending first added a second round trip to the shared queue.)
final class Trampoline: Sendable {
  static let shared = Trampoline()

  private let session: URLSession
  private let task: URLSessionDataTask

  private init() {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.protocolClasses = [TrampolineProtocol.self]
    configuration.urlCache = nil
    session = URLSession(configuration: configuration)
    task = session.dataTask(with: URL(string: "tape-trampoline://drain")!)
    task.resume()
  }

  /// Queues `work` and has it run on the shared queue.
  func run(_ work: @escaping @Sendable () -> Void) {
    let kick = TrampolineQueue.pending.withLock { queue in
      defer { queue.append(work) }
      return queue.isEmpty
    }
    if kick { task.resume() }
  }
}

/// The deliveries waiting for the shared queue.
enum TrampolineQueue {
  static let pending = Mutex<[@Sendable () -> Void]>([])

  /// Runs everything queued so far (called on the shared queue).
  static func drain() {
    let work = pending.withLock { queue in
      defer { queue.removeAll() }
      return queue
    }
    for item in work { item() }
  }
}

/// The trampoline's protocol: each start drains the queued deliveries; it never finishes.
final class TrampolineProtocol: URLProtocol {
  override class func canInit(with request: URLRequest) -> Bool {
    request.url?.scheme == "tape-trampoline"
  }

  override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }

  override func startLoading() {
    TrampolineQueue.drain()
  }

  override func stopLoading() {}
}
