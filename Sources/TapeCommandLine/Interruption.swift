import Dispatch
import Foundation
import Synchronization

/// Ctrl-C and SIGTERM for long-running commands: the first one asks the command to stop
/// (``wait()`` returns and ``isRequested`` turns true), a second one ends the process at once
/// with status 130.
public enum Interruption {
  /// Keeps the signal sources alive. DispatchSource objects are thread-safe; they are only
  /// stored here, never used through this box.
  private struct KeptSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
  }

  private struct State {
    var installed = false
    var signals = 0
    var sources: [KeptSource] = []
    var waiters: [CheckedContinuation<Void, Never>] = []
  }

  private static let state = Mutex(State())

  /// The status a process ends with when interrupted (128 + SIGINT).
  public static let exitStatus: Int32 = 130

  /// Takes over SIGINT and SIGTERM; later calls do nothing.
  public static func install() {
    let install = state.withLock { state in
      defer { state.installed = true }
      return !state.installed
    }
    guard install else { return }
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      // Signals that arrive together are one event; `data` counts them.
      source.setEventHandler { received(count: Int(source.data)) }
      source.resume()
      let kept = KeptSource(source: source)
      state.withLock { $0.sources.append(kept) }
    }
  }

  /// Whether a stop has been asked for.
  public static var isRequested: Bool { state.withLock { $0.signals > 0 } }

  /// Returns when the process gets SIGINT or SIGTERM (at once if it already has).
  @Sendable public static func wait() async {
    install()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let already = state.withLock { state in
        if state.signals == 0 { state.waiters.append(continuation) }
        return state.signals > 0
      }
      if already { continuation.resume() }
    }
  }

  private static func received(count arrived: Int) {
    let (count, waiters) = state.withLock { state in
      state.signals += max(1, arrived)
      defer { state.waiters = [] }
      return (state.signals, state.waiters)
    }
    if count == 1 {
      FileHandle.standardError.write(Data("\nstopping (Ctrl-C again to stop at once)\n".utf8))
      for waiter in waiters { waiter.resume() }
      return
    }
    FileHandle.standardError.write(Data("\ninterrupted again: stopping now\n".utf8))
    _exit(exitStatus)
  }
}
