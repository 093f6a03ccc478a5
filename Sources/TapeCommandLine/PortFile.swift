import Foundation
import SystemInterface
import Tape

/// `--port-file <file>`: where a command that listens (`serve`, `proxy`, `simulate`) writes
/// its port once it listens, for a script or a CI step to read: the number and a newline,
/// written whole (a reader never sees half of it), and removed when the command stops.
struct PortFile {
  /// The option's name.
  static let option = "--port-file"
  /// The option's lines in a usage text, its text starting at column `column`.
  static func help(column: Int) -> String {
    "--port-file <file>".padding(toLength: column - 2, withPad: " ", startingAt: 0)
      + "write the port to <file> once listening, for a script to\n"
      + String(repeating: " ", count: column) + "read (removed when it stops)"
  }

  /// The file; nil when the option was not given.
  let url: URL?

  init(_ scanner: ArgumentScanner) {
    url = scanner.options[Self.option].map { URL(fileURLWithPath: $0) }
  }

  /// Writes the port of `baseURL`; the error to report when it cannot, nil when written (or
  /// not asked for).
  func publish(_ baseURL: URL) -> String? {
    guard let url, let port = baseURL.port else { return nil }
    let temporary = url.deletingLastPathComponent().appending(
      path: ".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try Data("\(port)\n".utf8).write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      return nil
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      return "cannot write the port file \(url.path): \(FileProblem.sentence(for: error))"
    }
  }

  /// Removes the file, once the command stops listening.
  func remove() {
    guard let url else { return }
    try? FileManager.default.removeItem(at: url)
  }
}
