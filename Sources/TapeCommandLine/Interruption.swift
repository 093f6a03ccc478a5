import Dispatch
import Foundation
import Synchronization

/// Waiting for Ctrl-C: `tape simulate` serves until the process gets SIGINT or SIGTERM.
public enum Interruption {
  /// Keeps the signal sources alive. DispatchSource objects are thread-safe; they are only
  /// stored here, never used through this box.
  private struct KeptSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
  }

  private static let sources = Mutex<[KeptSource]>([])

  /// Returns when the process gets SIGINT or SIGTERM (which no longer end it at once).
  @Sendable public static func wait() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let pending = Mutex<CheckedContinuation<Void, Never>?>(continuation)
      let resume: @Sendable () -> Void = {
        pending.withLock { $0.take() }?.resume()
      }
      for number in [SIGINT, SIGTERM] {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler(handler: resume)
        source.resume()
        let kept = KeptSource(source: source)
        sources.withLock { $0.append(kept) }
      }
    }
  }
}
