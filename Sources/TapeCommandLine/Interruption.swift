import Foundation
import Synchronization
import SystemInterface

/// The pipe a signal handler writes one byte into per signal; a reader thread turns the
/// bytes into ``Interruption`` events. Created before the handlers are installed.
private let signalPipe: (read: Int32, write: Int32) = {
  var descriptors: [Int32] = [-1, -1]
  guard pipe(&descriptors) == 0 else { return (-1, -1) }
  for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
  return (descriptors[0], descriptors[1])
}()

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP for long-running commands: the first one asks the
/// command to stop (``wait()`` returns and ``isRequested`` turns true), so that it finishes
/// what it must (a recording writes what it has); a second one ends the process at once with
/// status 128 + that signal's number, after saying what is left (``whenStoppedAtOnce``).
/// A command that stops because it was asked to exits with ``exitStatus``: 130 for SIGINT,
/// 143 for SIGTERM, 129 for SIGHUP (the servers, whose normal end this is, exit as their
/// help says).
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
    var signals: [Int32] = []
    var nextWaiter = 0
    var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    var cancelled: Set<Int> = []
    var stoppedAtOnceNote = ""
  }

  private static let state = Mutex(State())

  /// The signals taken over.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Takes over SIGINT, SIGTERM and SIGHUP; later calls do nothing.
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
          received(Int32(byte))
        } else if count < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
    reader.name = "tape-interruption"
    reader.start()
    for number in signals {
      SystemSignal.install(number, flags: SA_RESTART) { signal in
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(signalPipe.write, &byte, 1)
      }
    }
  }

  /// Whether a stop has been asked for.
  public static var isRequested: Bool { state.withLock { !$0.signals.isEmpty } }

  /// The signal that asked for the stop, if one did.
  public static var signal: Int32? { state.withLock { $0.signals.first } }

  /// The status to exit with after stopping because of ``signal``: 128 + its number (130
  /// when none came, as for Ctrl-C).
  public static var exitStatus: Int32 { 128 + (signal ?? SIGINT) }

  /// How messages name a signal: `Ctrl-C (SIGINT)`, `SIGTERM`, `SIGHUP`.
  public static func name(of signal: Int32) -> String {
    switch signal {
    case SIGINT: "Ctrl-C (SIGINT)"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    default: "signal \(signal)"
    }
  }

  /// What a second signal prints after `interrupted again: stopping now` (what is kept and
  /// how to finish), until set again; empty for nothing.
  public static func whenStoppedAtOnce(_ note: String) {
    state.withLock { $0.stoppedAtOnceNote = note }
  }

  /// Returns when the process gets SIGINT, SIGTERM or SIGHUP (at once if it already has), or
  /// when the calling task is cancelled.
  @Sendable public static func wait() async {
    install()
    let id = state.withLock { state in
      defer { state.nextWaiter += 1 }
      return state.nextWaiter
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = state.withLock { state in
          if !state.signals.isEmpty || state.cancelled.remove(id) != nil { return true }
          state.waiters[id] = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        guard let waiter = state.waiters.removeValue(forKey: id) else {
          state.cancelled.insert(id)
          return nil as CheckedContinuation<Void, Never>?
        }
        return waiter
      }
      waiter?.resume()
    }
  }

  private static func received(_ signal: Int32) {
    let (count, waiters, note) = state.withLock { state in
      state.signals.append(signal)
      defer { state.waiters = [:] }
      return (state.signals.count, state.waiters, state.stoppedAtOnceNote)
    }
    if count == 1 {
      let again = signal == SIGINT ? "Ctrl-C" : "a signal"
      StandardStream.error("\nstopping (\(again) again to stop at once)\n")
      for waiter in waiters.values { waiter.resume() }
      return
    }
    StandardStream.error("\ninterrupted again: stopping now\n" + note)
    _exit(128 + signal)
  }
}
