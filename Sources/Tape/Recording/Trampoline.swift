import Foundation
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// The one part of Tape that relies on how swift-corelibs-foundation (FoundationNetworking,
// Linux) runs URLSession, not on URLSession's documented behaviour: every session's
// URLProtocols run on one process-wide serial queue, which each session's `workQueue`
// targets, and `resume()` on a task already running calls its protocol's `startLoading`
// again. URLSession recording and URLSession replays that wait (pacing, fault delays)
// deliver their answers through it. Apple's Foundation does neither, so without
// FoundationNetworking those two refuse each request with ``Trampoline/refusal`` instead
// (see docs/platforms.md); everything else in Tape, the player's and the recorder's
// transports included, does not use it.

#if canImport(FoundationNetworking)
  /// Runs work on URLSession's shared queue.
  ///
  /// A private session's `workQueue` (an internal property of corelibs' `URLSession`, found
  /// by reflection: `URLSession.sharedQueueEntry`) targets the shared queue, so work queued on it runs there, one at a time
  /// with every session's work, in the order queued: one hop, as corelibs itself queues
  /// `startLoading`. Should a corelibs lack that property, one long-lived dummy task on the
  /// session, whose protocol accepts only the made-up `tape-trampoline` scheme and never
  /// finishes, does it instead: `run` queues the work and, when the queue was empty, resumes
  /// that running task; corelibs then calls the protocol's `startLoading` again, on its
  /// shared queue, where the queue is drained. That costs more: `resume()` waits for the
  /// shared queue (`sync`) before it queues `startLoading` (measured by `record-bench`).
  final class Trampoline: Sendable {
    static let shared = Trampoline()

    /// Why requests that need the trampoline are refused: never here.
    static let refusal: URLError? = nil

    private let session: URLSession
    /// The session's work queue, when reflection finds it.
    private let workQueue: DispatchQueue?
    /// The dummy task, when it does not.
    private let task: URLSessionDataTask?

    /// A trampoline through its session's work queue when `direct` and reflection finds it,
    /// through the dummy task otherwise (`direct: false` is for tests).
    init(direct: Bool = true) {
      let configuration = URLSessionConfiguration.ephemeral
      configuration.protocolClasses = [TrampolineProtocol.self]
      configuration.urlCache = nil
      session = URLSession(configuration: configuration)
      workQueue = direct ? session.sharedQueueEntry : nil
      if workQueue == nil {
        let task = session.dataTask(with: URL(string: "tape-trampoline://drain")!)
        task.resume()
        self.task = task
      } else {
        task = nil
      }
    }

    /// Whether work reaches the shared queue in one hop, through the session's work queue
    /// (rather than through the dummy task).
    var queuesDirectly: Bool { workQueue != nil }

    /// Has `work` run on the shared queue, after the work queued before it.
    func run(_ work: @escaping @Sendable () -> Void) {
      if let workQueue {
        workQueue.async(execute: work)
        return
      }
      let kick = TrampolineQueue.pending.withLock { queue in
        defer { queue.append(work) }
        return queue.isEmpty
      }
      if kick { task?.resume() }
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
