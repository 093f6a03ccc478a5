import Foundation
import SystemInterface
import Testing

/// The helper that starts the built `tape`: the child holds no descriptor of this process
/// but its three standard streams, and statuses read as Foundation's did.
@Suite("ChildProcess, the tests' process starter")
struct ChildProcessTests {
  @Test("the child inherits none of this process's other descriptors")
  func inheritsOnlyStandardStreams() async throws {
    var made: [Int32] = [-1, -1]
    #expect(pipe(&made) == 0)
    // Moved above 63 (F_DUPFD sets no close-on-exec: only the child's closefrom keeps them
    // out), where neither the standard streams nor ls's own descriptor can be.
    let ends = made.map { fcntl($0, F_DUPFD, 64) }
    for end in made { close(end) }
    defer { for end in ends { close(end) } }
    let listing = try await offThePool {
      let process = try ChildProcess(URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"])
      let data = process.output?.readDataToEndOfFile() ?? Data()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    // ls itself holds one more, for the directory it reads.
    let descriptors = listing.split(separator: "\n").compactMap { Int32($0) }
    #expect(descriptors.count == 4, "\(listing)")
    #expect(ends.allSatisfy { $0 >= 64 }, "\(ends)")
    #expect(!descriptors.contains(ends[0]))
    #expect(!descriptors.contains(ends[1]))
  }

  @Test("exit statuses and signals read as Foundation's terminationStatus")
  func statuses() async throws {
    let (exited, signalled) = try await offThePool {
      let exiting = try ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exit 7"])
      let sleeping = try ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec sleep 60"])
      sleeping.send(SIGTERM)
      return (exiting.waitUntilExit(), sleeping.waitUntilExit())
    }
    #expect(exited == 7)
    #expect(signalled == SIGTERM)
  }
}
