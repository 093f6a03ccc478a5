import Foundation
import Synchronization

/// The pipe a signal handler writes one byte into per signal; a reader thread turns the
/// bytes into ``Interruption`` events. Created before the handlers are installed.
private let signalPipe: (read: Int32, write: Int32) = {
  var descriptors: [Int32] = [-1, -1]
  guard pipe(&descriptors) == 0 else { return (-1, -1) }
  for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
  return (descriptors[0], descriptors[1])
}()

/// Ctrl-C and SIGTERM for long-running commands: the first one asks the command to stop
/// (``wait()`` returns and ``isRequested`` turns true), a second one ends the process at once
/// with status 130.
///
/// The signals are caught by a handler (`sigaction`), which only writes a byte into a pipe
/// (async-signal-safe); a thread of its own reads the pipe. A caught signal reaches whichever
/// thread does not block it and is never dropped. (The usual Linux alternative, ignoring the
/// signal and reading it with a dispatch source, loses a Ctrl-C whenever the kernel hands it
/// to a thread that does not block it: the thread ignores it. The async `main`'s own thread
/// is one such, and `tape serve` missed Ctrl-C that way.)
public enum Interruption {
  private struct State {
    var installed = false
    var signals = 0
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
    guard install, signalPipe.read >= 0 else { return }
    let reader = Thread {
      var byte: UInt8 = 0
      while true {
        let count = read(signalPipe.read, &byte, 1)
        if count == 1 {
          received()
        } else if count < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
    reader.name = "tape-interruption"
    reader.start()
    for number in [SIGINT, SIGTERM] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(signalPipe.write, &byte, 1)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      sigaction(number, &action, nil)
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

  private static func received() {
    let (count, waiters) = state.withLock { state in
      state.signals += 1
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
