import Foundation
import SystemInterface
import Tape
import Testing

/// A process killed while it wrote a cassette (`kill -9` during `tape record all`) leaves
/// `.<name>.<pid>.<n>.tmp` behind; the next write of the same cassette removes it, and only
/// what is provably such a leftover. The built executable.
@Suite("Stale temporary files of a cassette")
struct StaleTemporaryTests {
  /// The pid of a process that has ended.
  static func deadProcess() throws -> pid_t {
    let process = try ChildProcess(URL(fileURLWithPath: "/bin/true"), [])
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test("the next write removes its cassette's leftovers of dead processes, and nothing else")
  func nextWriteCleansUp() async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "tape-stale-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let dead = try Self.deadProcess()
    let names = [
      "stale": ".x.json.\(dead).12345.tmp",
      "live": ".x.json.\(getpid()).12345.tmp",  // this test runner: in use
      "locked": ".x.json.\(dead).777.tmp",  // locked by someone: in use
      "other": ".y.json.\(dead).12345.tmp",  // another cassette's
      "unlike": ".x.json.\(dead).tmp",  // not the pattern
      "suffix": ".x.json.\(dead).1.tmp.keep",
    ]
    for name in names.values {
      try Data("partial".utf8).write(to: folder.appending(path: name))
    }
    let locked = open(folder.appending(path: names["locked"]!).path, O_RDONLY | O_CLOEXEC)
    defer { close(locked) }
    #expect(flock(locked, LOCK_EX | LOCK_NB) == 0)

    let cassette = folder.appending(path: "x.json")
    let (status, output) = try await RunningTape.run([
      "poll", "check", "t1", "--endpoint", "simulator", "--interval", "0.01", "--cassette",
      cassette.path,
    ])
    #expect(status == 0, "\(output)")
    #expect(try CassetteFile.load(from: cassette).interactions.count == 3)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(!left.contains(names["stale"]!))
    for kept in ["live", "locked", "other", "unlike", "suffix"] {
      #expect(left.contains(names[kept]!), "\(kept) was removed")
    }
  }
}
