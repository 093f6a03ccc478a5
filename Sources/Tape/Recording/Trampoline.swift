import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// The one part of Tape that relies on how swift-corelibs-foundation (FoundationNetworking,
// Linux) runs URLSession, not on URLSession's documented behaviour: every session's
// URLProtocols run on one process-wide serial queue, and `resume()` on a task already
// running calls its protocol's `startLoading` again. URLSession recording and URLSession
// replays that wait (pacing, fault delays) deliver their answers through it. Apple's
// Foundation does neither, so without FoundationNetworking those two refuse each request
// with ``Trampoline/refusal`` instead (see docs/platforms.md); everything else in Tape,
// the player's and the recorder's transports included, does not use it.

#if canImport(FoundationNetworking)
  /// Runs work on URLSession's shared queue. One long-lived dummy task on a private session,
  /// whose protocol accepts only the made-up `tape-trampoline` scheme, never finishes; `run`
  /// queues the work and, when the queue was empty, resumes that running task: corelibs then
  /// calls the protocol's `startLoading` again, on its shared queue, where the queue is
  /// drained. (A new dummy task per delivery, failed at once, did the same with a whole
  /// task's life around it; suspending first added a second round trip to the shared queue.)
  final class Trampoline: Sendable {
    static let shared = Trampoline()

    /// Why requests that need the trampoline are refused: never here.
    static let refusal: URLError? = nil

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
#else
  /// Without FoundationNetworking (Apple's Foundation) there is no trampoline: the
  /// requests that need one fail with ``refusal``, and ``run(_:)`` is never called.
  final class Trampoline: Sendable {
    static let shared = Trampoline()

    /// The error of a URLSession recording, or of a URLSession replay that must wait.
    static let refusal: URLError? = URLError(
      .unsupportedURL,
      userInfo: [
        NSLocalizedDescriptionKey:
          "Tape: recording through a URLSession, and URLSession replays that wait (pacing, "
          + "fault delays), are Linux-only today: they rely on swift-corelibs-foundation's "
          + "URLSession internals (see docs/platforms.md). Use the player's transport "
          + "(CassettePlayer.transport) or RecordingTransport instead"
      ])

    func run(_ work: @escaping @Sendable () -> Void) {
      preconditionFailure("Trampoline.run without FoundationNetworking: check refusal first")
    }
  }
#endif
