import Foundation
import SystemInterface

/// A child process for the tests that run the built `tape`, started with `posix_spawn`.
///
/// Foundation's `Process.run()` crashed a whole test run once (a bad `memcpy` inside it),
/// started while other tests' threads were opening and closing some 1,500 sockets and
/// pipes. Here the parent lists nothing: the child closes every descriptor above 2 itself
/// (`closefrom`, one step after the fork), so it holds no other test's sockets or pipe ends
/// either, and this process's pipe ends are close-on-exec.
final class ChildProcess: @unchecked Sendable {
  // @unchecked: the descriptors are set once; `status` is written by `waitUntilExit()`,
  // which one thread calls.

  /// The child's standard output and error, when they are pipes to this process.
  let output: ChildPipe?
  let errors: ChildPipe?
  /// The process id.
  let processIdentifier: pid_t
  private var status: Int32?

  /// Where a standard stream of the child goes.
  enum Stream {
    /// A pipe to this process (`output` or `errors`).
    case pipe
    /// Standard error only: the same pipe as standard output.
    case output
    /// An open descriptor of this process, such as a pseudo-terminal or `/dev/zero`.
    case descriptor(Int32)
    /// `/dev/null`.
    case null
  }

  /// Starts `executable` with `arguments`; the environment is this process's with
  /// `environment` laid over it. With `ownProcessGroup`, the child leads a process group of
  /// its own, as a shell's foreground job does, so ``sendToGroup(_:)`` reaches it and every
  /// process it starts in its group, as Ctrl-C at a terminal does.
  init(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:],
    input: Stream = .null, output: Stream = .pipe, errors: Stream = .pipe,
    ownProcessGroup: Bool = false
  ) throws {
    var actions = SystemSpawn.fileActions()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var childEnds: [Int32] = []
    defer { for descriptor in childEnds { close(descriptor) } }
    func connect(_ stream: Stream, to target: Int32, outputPipe: ChildPipe?) throws -> ChildPipe? {
      switch stream {
      case .pipe:
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw ChildProcessError.pipe(errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        if target == 0 {
          posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
          childEnds.append(readEnd)
          return ChildPipe(descriptor: writeEnd)
        }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, target)
        childEnds.append(writeEnd)
        return ChildPipe(descriptor: readEnd)
      case .output:
        posix_spawn_file_actions_adddup2(&actions, 1, target)
        return outputPipe
      case .descriptor(let descriptor):
        posix_spawn_file_actions_adddup2(&actions, descriptor, target)
        return nil
      case .null:
        posix_spawn_file_actions_addopen(
          &actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
        return nil
      }
    }
    _ = try connect(input, to: 0, outputPipe: nil)
    let outputPipe = try connect(output, to: 1, outputPipe: nil)
    let errorPipe = try connect(errors, to: 2, outputPipe: outputPipe)
    SystemSpawn.closeDescriptorsFromThree(&actions)
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    // As a fresh process: no signal blocked (the spawning thread, a dispatch or pool thread,
    // blocks some, and a child inherits the mask) and every signal at its default action.
    var attributes = SystemSpawn.attributes()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    if ownProcessGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= POSIX_SPAWN_SETPGROUP
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
    guard result == 0 else { throw ChildProcessError.spawn(result) }
    processIdentifier = pid
    self.output = outputPipe
    self.errors = errors == .output ? nil : errorPipe
  }

  /// Waits for the child to end; its exit status, or the number of the signal that ended it
  /// (as Foundation's `terminationStatus` gives them).
  @discardableResult
  func waitUntilExit() -> Int32 {
    if let status { return status }
    var raw: Int32 = 0
    while waitpid(processIdentifier, &raw, 0) < 0 && errno == EINTR {}
    let signal = raw & 0x7F
    let result = signal == 0 ? (raw >> 8) & 0xFF : signal
    status = result
    return result
  }

  /// Sends `signal` to the child.
  func send(_ signal: Int32) {
    kill(processIdentifier, signal)
  }

  /// Sends `signal` to the child's process group (started with `ownProcessGroup`), as a
  /// terminal sends Ctrl-C to its foreground job.
  func sendToGroup(_ signal: Int32) {
    kill(-processIdentifier, signal)
  }
}

extension ChildProcess.Stream: Equatable {}

/// Why a child could not be started.
enum ChildProcessError: Error {
  case pipe(Int32)
  case spawn(Int32)
}

/// This process's end of a pipe to a child: its standard output or error (read), or its
/// standard input (written). Closed when released.
final class ChildPipe: Sendable {
  let descriptor: Int32

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }

  /// The next bytes the child writes, waiting for them; empty once it has closed the pipe.
  var availableData: Data {
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(descriptor, &buffer, buffer.count)
      if count > 0 { return Data(buffer[0..<count]) }
      if count < 0 && errno == EINTR { continue }
      return Data()
    }
  }

  /// Everything the child writes until it closes the pipe.
  func readDataToEndOfFile() -> Data {
    var data = Data()
    while true {
      let chunk = availableData
      if chunk.isEmpty { return data }
      data += chunk
    }
  }
}
