import Foundation
import Glibc
import Testing

/// The built `tape` executable, started for a test: a long-running command (`serve`,
/// `proxy`) whose first printed line holds its URL, or a command run to its end.
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
  /// The URL its first line holds.
  let url: String
  private let printed: Data

  /// Starts `tape arguments` and waits for its first line.
  static func start(_ arguments: [String]) async throws -> RunningTape {
    try await offThePool { try RunningTape(arguments) }
  }

  private init(_ arguments: [String]) throws {
    process = try ChildProcess(Self.binary, arguments, errors: .null)
    guard let output = process.output else { throw ChildProcessError.pipe(EBADF) }
    self.output = output
    var printed = Data()
    while !printed.contains(UInt8(ascii: "\n")) {
      let chunk = output.availableData
      guard !chunk.isEmpty else { break }
      printed += chunk
    }
    self.printed = printed
    let line = String(decoding: printed.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    url =
      line.split(separator: " ").first { $0.hasPrefix("http://") }
      .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) } ?? ""
  }

  /// Sends Ctrl-C and returns the exit status and all it printed.
  func interrupt() async -> (status: Int32, output: String) {
    // A blocking read and wait, on a thread of their own.
    (try? await offThePool { self.interruptAndWait() }) ?? (-1, "")
  }

  private func interruptAndWait() -> (status: Int32, output: String) {
    process.send(SIGINT)
    let rest = output.readDataToEndOfFile()
    let status = process.waitUntilExit()
    return (status, String(decoding: printed + rest, as: UTF8.self))
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
