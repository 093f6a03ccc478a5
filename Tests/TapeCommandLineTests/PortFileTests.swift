import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `--port-file`: serve, simulate and proxy write the port they listen on for a script,
/// before they say they listen, and remove it when they stop. The built executable.
@Suite("--port-file")
struct PortFileTests {
  static let cassette = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "cassettes/check-task-polling.json").path

  @Test(
    "the file holds the port the command listens on, and is gone once it stops",
    arguments: [
      ["serve", cassette], ["simulate"],
      ["proxy", "--upstream", "simulator", "--cassette", cassette],  // replaying (once)
      ["proxy", "--upstream", "simulator", "--cassette", "RECORDING"],  // recording, in the folder
      ["poll-fuzz", "check", "--sessions", "1"],
    ])
  func portFile(command: [String]) async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-port-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let command = command.map { $0 == "RECORDING" ? folder.appending(path: "c.json").path : $0 }
    let file = folder.appending(path: "port")
    let running = try await RunningTape.start(command + ["--port-file", file.path])
    let text = try String(contentsOf: file, encoding: .utf8)
    let port = try #require(Int(text.dropLast()))
    #expect(text == "\(port)\n")
    #expect(running.url.hasSuffix("127.0.0.1:\(port)"), "\(running.url)")
    let (_, response) = try await URLSession(configuration: .ephemeral).data(
      from: try #require(URL(string: "http://127.0.0.1:\(port)/v2/tasks/x/progress")))
    #expect((response as? HTTPURLResponse)?.statusCode != nil)
    let (_, output) = await running.interrupt()
    #expect(!FileManager.default.fileExists(atPath: file.path), "\(output)")
  }
}
