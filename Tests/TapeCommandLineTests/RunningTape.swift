import Foundation
import Glibc
import Testing

/// The built `tape` executable, started for a test: a long-running command (`serve`,
/// `proxy`) whose first printed line ends with its URL, or a command run to its end.
struct RunningTape {
  /// `tape`, built next to the test runner (debug or release alike).
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appending(path: "tape")

  let process: Process
  let output: Pipe
  /// The URL its first line ends with.
  let url: String
  private var printed: Data

  /// Starts `tape arguments` and waits for its first line.
  init(_ arguments: [String]) throws {
    process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    var printed = Data()
    while !printed.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
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
  func interrupt() -> (status: Int32, output: String) {
    kill(process.processIdentifier, SIGINT)
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: printed + rest, as: UTF8.self))
  }

  /// Runs `tape arguments` to its end with `environment` added; returns status and output.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws
    -> (status: Int32, output: String)
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
