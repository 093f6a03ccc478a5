import Foundation
import Testing

/// Ctrl-C must never be lost by a long-running command. On Linux a signal the process
/// ignores is dropped by whichever thread the kernel hands it to, unless that thread blocks
/// it; so the commands catch SIGINT, SIGTERM and SIGHUP with a handler instead (`SigCgt` in
/// `/proc/<pid>/status`), and a caught signal is always delivered.
@Suite("Long-running commands catch SIGINT, SIGTERM and SIGHUP")
struct SignalMaskTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A signal mask line of `/proc/<pid>/status` (`SigCgt`, `SigIgn`), as bits.
  static func mask(_ name: String, of pid: Int32) throws -> UInt64 {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
    return line.flatMap {
      UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
    } ?? 0
  }

  @Test(
    "serve, simulate and proxy catch the three signals (never ignore them), and Ctrl-C stops them",
    arguments: [
      ["serve", packageRoot.appending(path: "cassettes/check-task-polling.json").path],
      ["simulate"],
      [
        "proxy", "--upstream", "simulator", "--cassette",
        FileManager.default.temporaryDirectory.appending(path: "mask-\(UUID()).json").path,
      ],
    ])
  func caught(arguments: [String]) async throws {
    let tape = try await RunningTape.start(arguments + ["--port", "0"])
    let pid = tape.process.processIdentifier
    let all: UInt64 =
      1 << (UInt64(SIGINT) - 1) | 1 << (UInt64(SIGTERM) - 1) | 1 << (UInt64(SIGHUP) - 1)
    let caught = try Self.mask("SigCgt", of: pid) & all
    let ignored = try Self.mask("SigIgn", of: pid) & all
    #expect(caught == all)
    #expect(ignored == 0)
    guard caught == all, ignored == 0 else {
      // Ctrl-C may be lost: do not wait for it.
      kill(pid, SIGKILL)
      return
    }
    let (status, output) = await tape.interrupt()
    #expect(status == 0 || status == 130, "\(output)")
  }
}
