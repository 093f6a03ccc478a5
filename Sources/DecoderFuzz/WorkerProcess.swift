import Foundation
import Synchronization
import SystemInterface

/// One worker child, spawned with `posix_spawn` and `SWIFT_BACKTRACE=enable=no` (without it,
/// the crash reporter turns some signals into exit status 0), with pipes for its standard
/// input, output and error.
final class WorkerProcess {
  /// How a worker ended.
  enum Termination: Hashable {
    /// Killed by this signal.
    case signal(Int32)
    /// Exited with this status.
    case exit(Int32)
  }

  let processID: pid_t
  private let inputDescriptor: Int32
  private let outputDescriptor: Int32
  private let errorDescriptor: Int32
  private var isReaped = false
  /// The last bytes the worker wrote to standard error (a fatal error message).
  private(set) var errorTail: [UInt8] = []

  /// Spawns `executable` with `arguments`.
  init(executable: String, arguments: [String]) throws(WorkerSpawnError) {
    // Pipes are made close-on-exec and the child spawned under one lock, so that a worker
    // spawned by another job never inherits this worker's pipe ends (which would hide the
    // end of file that tells a worker died).
    let spawned = try Self.spawnLock.withLock { _ throws(WorkerSpawnError) in
      try Self.spawn(executable, arguments: arguments)
    }
    processID = spawned.processID
    inputDescriptor = spawned.input
    outputDescriptor = spawned.output
    errorDescriptor = spawned.error
    _ = fcntl(inputDescriptor, F_SETFL, fcntl(inputDescriptor, F_GETFL) | O_NONBLOCK)
  }

  private static let spawnLock = Mutex(())

  private static func spawn(_ executable: String, arguments: [String]) throws(WorkerSpawnError)
    -> (processID: pid_t, input: Int32, output: Int32, error: Int32)
  {
    var input: [Int32] = [0, 0]
    var output: [Int32] = [0, 0]
    var error: [Int32] = [0, 0]
    guard pipe(&input) == 0, pipe(&output) == 0, pipe(&error) == 0 else {
      throw WorkerSpawnError(reason: "pipe: \(String(cString: strerror(errno)))")
    }
    for descriptor in input + output + error {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    var actions = SystemSpawn.fileActions()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input[0], 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, error[1], 2)
    SystemSpawn.closeDescriptorsFromThree(&actions)
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    // A process group of its own: Ctrl-C at the terminal reaches the campaign, which stops
    // its workers itself, and never kills a worker mid-input (that would read as a crash).
    var attributes = SystemSpawn.attributes()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    // And no signal blocked: the spawning thread may block some, and a child inherits that.
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    close(input[0])
    close(output[1])
    close(error[1])
    guard status == 0 else {
      close(input[1])
      close(output[0])
      close(error[0])
      throw WorkerSpawnError(
        reason: "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    return (pid, input[1], output[0], error[0])
  }

  deinit {
    close(inputDescriptor)
    close(outputDescriptor)
    close(errorDescriptor)
    if !isReaped {
      kill(processID, SIGKILL)
      var status: Int32 = 0
      waitpid(processID, &status, 0)
    }
  }

  /// What happened to a batch: the answers received, and how the worker ended if it did.
  struct Exchange {
    var outcomes: [ExecutionOutcome] = []
    var termination: Termination?
    var hung = false
  }

  /// Sends the inputs and reads answers until every input is answered, the worker dies, or
  /// it is hung: silent for `silenceLimit` milliseconds while it was not starved (then it is
  /// killed). A worker that is silent but runnable, and has used less than the limit of CPU
  /// time meanwhile, is waiting for a core on a loaded machine, not hung: it gets another
  /// silence (``starvedSilences`` bounds them).
  func exchange(_ inputs: ArraySlice<[UInt8]>, silenceLimit: Int32) -> Exchange {
    var pending: [UInt8] = []
    pending.reserveCapacity(inputs.reduce(0) { $0 + 4 + $1.count })
    for input in inputs { WorkerWire.appendFrame(input, to: &pending) }
    var written = 0
    var lineBuffer: [UInt8] = []
    var lineStart = 0  // where the unread part of `lineBuffer` begins
    var result = Exchange()
    var chunk = [UInt8](repeating: 0, count: 16_384)
    var starved = 0
    var cpuAtLastEvent = cpuMilliseconds()
    while result.outcomes.count < inputs.count {
      var descriptors = [
        pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(
          fd: written < pending.count ? inputDescriptor : -1, events: Int16(POLLOUT), revents: 0),
      ]
      let ready = poll(&descriptors, nfds_t(descriptors.count), silenceLimit)
      if ready < 0 {
        if errno == EINTR { continue }
        result.termination = terminate()
        return result
      }
      if ready == 0 {
        let cpu = cpuMilliseconds()
        if starved < Self.starvedSilences, isRunnable(),
          let used = cpu.flatMap({ now in cpuAtLastEvent.map { now - $0 } }),
          used < Double(silenceLimit)
        {
          starved += 1
          cpuAtLastEvent = cpu
          continue
        }
        result.hung = true
        result.termination = terminate()
        return result
      }
      cpuAtLastEvent = cpuMilliseconds()
      if descriptors[2].revents != 0, written < pending.count {
        let count = pending[written...].withUnsafeBytes {
          write(inputDescriptor, $0.baseAddress, $0.count)
        }
        if count > 0 {
          written += count
        } else if count < 0, errno != EAGAIN, errno != EINTR {
          pending.removeAll()  // the worker is gone; its output tells the rest
          written = 0
        }
      }
      if descriptors[1].revents != 0 {
        let count = chunk.withUnsafeMutableBytes { read(errorDescriptor, $0.baseAddress, $0.count) }
        if count > 0 { errorTail = Array((errorTail + chunk[0..<count]).suffix(2048)) }
      }
      if descriptors[0].revents != 0 {
        let count = chunk.withUnsafeMutableBytes {
          read(outputDescriptor, $0.baseAddress, $0.count)
        }
        if count < 0, errno == EINTR { continue }
        if count <= 0 {
          drainError()
          result.termination = reap()
          return result
        }
        if lineStart > 0 {
          lineBuffer.removeSubrange(..<lineStart)
          lineStart = 0
        }
        lineBuffer += chunk[0..<count]
        // Lines are read in place, then dropped together (one at a time moved the rest of
        // a batch's answers once per line).
        while let newline = lineBuffer[lineStart...].firstIndex(of: 0x0A) {
          let line = lineBuffer[lineStart..<newline]
          lineStart = newline + 1
          result.outcomes.append(
            WorkerWire.outcome(fromLine: line)
              ?? .finding(
                FindingReport(
                  .trap,
                  detail: "malformed worker answer: \(String(decoding: line, as: UTF8.self))")))
        }
      }
    }
    return result
  }

  /// How many silences a starved worker is granted before it counts as hung anyway: in
  /// effect no limit (a runnable worker gets a core in the end, and one that spins uses
  /// the limit of CPU time and is hung), only a bound on a machine that never lets it run.
  static let starvedSilences = 1_000

  /// The worker's CPU time in milliseconds, nil when it cannot be read (always on Darwin:
  /// a silent worker is then hung after the silence limit, starved or not).
  private func cpuMilliseconds() -> Double? {
    SystemProcess.cpuMilliseconds(of: processID)
  }

  /// Whether the worker is running or waiting for a core (`R` in `/proc/<pid>/stat`), not
  /// asleep or blocked (never on Darwin, which has no `/proc`).
  private func isRunnable() -> Bool {
    SystemProcess.isRunnable(processID)
  }

  /// Kills the worker and waits for it.
  func terminate() -> Termination {
    kill(processID, SIGKILL)
    return reap()
  }

  private func reap() -> Termination {
    var status: Int32 = 0
    while waitpid(processID, &status, 0) < 0, errno == EINTR {}
    isReaped = true
    let signal = status & 0x7F
    return signal != 0 && signal != 0x7F ? .signal(signal) : .exit((status >> 8) & 0xFF)
  }

  private func drainError() {
    var chunk = [UInt8](repeating: 0, count: 4096)
    var descriptor = pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0)
    while poll(&descriptor, 1, 50) > 0 {
      let count = chunk.withUnsafeMutableBytes { read(errorDescriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return }
      errorTail = Array((errorTail + chunk[0..<count]).suffix(2048))
    }
  }
}

/// A worker could not be started.
public struct WorkerSpawnError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why.
  public var reason: String
  /// The reason.
  public var description: String { reason }
}
