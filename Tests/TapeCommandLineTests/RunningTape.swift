import Foundation
import Synchronization
import SystemInterface
import Testing

/// The built `tape` executable, started for a test: a long-running command (`serve`,
/// `proxy`) whose first printed line with a URL gives its address, or a command run to its
/// end. Standard error is merged into standard output.
///
/// Every wait on a child (its output, its exit) runs on a thread of its own, never on the
/// Swift concurrency pool: on 2 cores that pool has 2 threads, and a test blocking them
/// stalls every other test of the run.
struct RunningTape: Sendable {
  /// `tape`, built next to the test runner (debug or release alike).
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appending(path: "tape")

  let process: ChildProcess
  let output: ChildPipe
  /// The URL of the first line that holds one (`tape proxy listening on http://...`), among
  /// those printed before `start` returned.
  let url: String
  private let log: OutputLog

  /// Everything read from the child so far.
  final class OutputLog: Sendable {
    let data = Mutex(Data())
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
  }

  /// Starts `tape arguments` (with `environment` laid over this process's) and waits for
  /// the first whole line that holds `text` (by default, one with a URL), or its end.
  static func start(
    _ arguments: [String], environment: [String: String] = [:], waitingFor text: String = "http://"
  ) async throws -> RunningTape {
    try await offThePool { try RunningTape(arguments, environment: environment, waitingFor: text) }
  }

  private init(_ arguments: [String], environment: [String: String], waitingFor text: String)
    throws
  {
    process = try ChildProcess(
      Self.binary, arguments, environment: environment, errors: .output)
    guard let output = process.output else { throw ChildProcessError.pipe(EBADF) }
    self.output = output
    log = OutputLog()
    var found = ""
    while found.isEmpty {
      let chunk = output.availableData
      guard !chunk.isEmpty else { break }
      log.data.withLock { $0 += chunk }
      found =
        log.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        .first { $0.contains(text) }.map(String.init) ?? ""
    }
    found =
      log.text.split(separator: "\n").first { $0.contains("http://") }.map(String.init) ?? ""
    url =
      found.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://") }
      .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) } ?? ""
  }

  /// Sends Ctrl-C and returns the exit status and all it printed.
  func interrupt() async -> (status: Int32, output: String) {
    await stop(with: SIGINT)
  }

  /// Sends `signal` and returns the exit status (or the number of the signal that ended it)
  /// and all it printed.
  func stop(with signal: Int32) async -> (status: Int32, output: String) {
    process.send(signal)
    return await finish()
  }

  /// Waits for the process to end; its exit status and all it printed.
  func finish() async -> (status: Int32, output: String) {
    // A blocking read and wait, on a thread of their own.
    (try? await offThePool { self.readToEndAndWait() }) ?? (-1, "")
  }

  /// Starts `tape arguments` and, on a thread of its own, waits for the first line holding
  /// `text`, then until `ready()` holds (60 s at most), sends `signal`, and returns the exit
  /// status and all it printed. Nothing between the line and the signal waits for the
  /// concurrency pool, which other tests may keep busy for seconds: the signal comes as soon
  /// as the child is where the test wants it, however loaded the machine.
  static func stop(
    _ arguments: [String], environment: [String: String] = [:], after text: String,
    when ready: @escaping @Sendable () -> Bool = { true }, with signal: Int32
  ) async throws -> (status: Int32, output: String) {
    try await offThePool {
      let running = try RunningTape(arguments, environment: environment, waitingFor: text)
      let giveUp = Date().addingTimeInterval(60)
      while !ready(), Date() < giveUp { Thread.sleep(forTimeInterval: 0.001) }
      running.process.send(signal)
      return running.readToEndAndWait()
    }
  }

  /// Runs `tape arguments` to its end, as ``run(_:environment:)``, with how long the child
  /// took from its start to its exit, measured on the thread that waits for it (never
  /// across a hop through the concurrency pool).
  static func runTimed(_ arguments: [String], environment: [String: String] = [:])
    async throws -> (status: Int32, output: String, took: Duration)
  {
    try await offThePool {
      let clock = ContinuousClock()
      let started = clock.now
      let (status, output) = try runToEnd(arguments, environment: environment)
      return (status, output, started.duration(to: clock.now))
    }
  }

  private func readToEndAndWait() -> (status: Int32, output: String) {
    let rest = output.readDataToEndOfFile()
    log.data.withLock { $0 += rest }
    let status = process.waitUntilExit()
    return (status, log.text)
  }

  /// Reads what the child prints until it has printed `text` (true) or closed its output.
  func waitForOutput(containing text: String) async -> Bool {
    (try? await offThePool { self.readUntil(text) }) ?? false
  }

  private func readUntil(_ text: String) -> Bool {
    while !log.text.contains(text) {
      let chunk = output.availableData
      guard !chunk.isEmpty else { return false }
      log.data.withLock { $0 += chunk }
    }
    return true
  }

  /// Runs `tape arguments` to its end with `environment` added; returns status and output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> (status: Int32, output: String)
  {
    try await offThePool { try runToEnd(arguments, environment: environment) }
  }

  /// Runs `program` to its end; returns its standard output.
  static func runProgram(_ path: String, _ arguments: [String]) async throws -> Data {
    try await offThePool {
      let process = try ChildProcess(URL(fileURLWithPath: path), arguments)
      let data = process.output?.readDataToEndOfFile() ?? Data()
      process.waitUntilExit()
      return data
    }
  }

  private static func runToEnd(_ arguments: [String], environment: [String: String]) throws
    -> (status: Int32, output: String)
  {
    let process = try ChildProcess(binary, arguments, environment: environment, errors: .output)
    let data = process.output?.readDataToEndOfFile() ?? Data()
    let status = process.waitUntilExit()
    return (status, String(decoding: data, as: UTF8.self))
  }
}
