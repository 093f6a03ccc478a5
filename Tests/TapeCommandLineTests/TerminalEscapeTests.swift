import Foundation
import LoopbackHTTP
import Testing

/// What a command prints that came from outside (a service's message, a request's path) is
/// neutralised: control characters shown as `\u{1B}`, never sent to the terminal. The built
/// executable, its bytes checked.
@Suite("Terminal escapes from the wire")
struct TerminalEscapeTests {
  static let escape = "\u{1B}"

  @Test("tape poll prints a service's error_msg holding ESC escaped")
  func serviceMessage() async throws {
    let body =
      #"{"error_code": "CC.00000001", "error_msg": "bad\u001b[2J\u001b]0;owned\u0007 task"}"#
    let server = try HTTPServer.start { _ in .json(text: body, status: 400) }
    defer { server.beginStop() }
    let (status, output) = try await RunningTape.run(
      ["poll", "check", "t1", "--endpoint", server.baseURL.absoluteString],
      environment: RecordingInterruptionTests.credentials)
    #expect(status != 0, "\(output)")
    #expect(output.contains(#"bad\u{1B}[2J\u{1B}]0;owned\u{7} task"#), "\(output)")
    #expect(!output.contains(Self.escape) && !output.contains("\u{7}"))
  }

  @Test("tape decode --help holds no control character")
  func decodeHelp() async throws {
    let (status, output) = try await RunningTape.run(["decode", "--help"])
    #expect(status == 0)
    #expect(output.contains(#"(\u{1B})"#), "\(output)")
    #expect(!output.contains(Self.escape))
  }
}
