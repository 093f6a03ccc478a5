import Foundation
import Testing

/// A file a command cannot read or write is named with the system's reason, in one
/// sentence: never Foundation's "(NSCocoaErrorDomain error 256.)" or an error type's name.
/// The built executable.
@Suite("File errors: one sentence each")
struct FileErrorMessageTests {
  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "tape-file-errors-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("a folder, a missing file, a symlink loop and a file over the limit")
  func sentences() async throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let loop = folder.appending(path: "loop").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
    let missing = folder.appending(path: "missing.har").path
    let blocked = folder.appending(path: "a-file")
    try Data().write(to: blocked)
    let large = folder.appending(path: "large.har")
    try Data(count: (64 << 20) + 1).write(to: large)
    let cases: [(arguments: [String], said: String)] = [
      (["serve", folder.path], "error: \(folder.path): is a directory\n"),
      (["inspect", folder.path], "error: \(folder.path): is a directory\n"),
      (["har", "export", folder.path], "error: \(folder.path): is a directory\n"),
      (["serve", loop], "error: \(loop): too many levels of symbolic links\n"),
      (
        ["har", "import", missing, "--cassette", "x.json"],
        "error: cannot read \(missing): no such file\n"
      ),
      (
        ["record", "all", "--out", blocked.appending(path: "sub").path],
        "\(blocked.path)/sub: cannot create the folder: not a directory\n"
      ),
      (
        ["har", "import", large.path, "--cassette", "x.json"],
        "error: cannot read \(large.path): it is larger than the limit of 67108864 bytes\n"
      ),
    ]
    for (arguments, said) in cases {
      let (status, output) = try await RunningTape.run(arguments)
      #expect(status != 0, "\(arguments)")
      #expect(output.hasSuffix(said), "\(arguments): \(output)")
      #expect(!output.contains("error 1.)") && !output.contains("Domain"), "\(output)")
    }
  }
}
