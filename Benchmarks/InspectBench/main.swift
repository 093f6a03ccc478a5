import Foundation
import LargeCassette
import SystemInterface

// inspect-bench: `tape inspect`, `tape inspect --json` and `tape audit` on a generated large
// cassette (issue 20), each run as the built `tape` executable: wall time, CPU time (user
// and system) and maximum resident size, from wait4.
//
// Run:
//   swift build -c release --product tape
//   swift run -c release inspect-bench [megabytes, 200 by default]
//   swift run -c release inspect-bench write <file> [megabytes]   only writes the cassette

/// Prints a line at once, so that figures survive whatever comes next.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// What one run of a child cost.
struct Cost {
  var status: Int32
  var wall: Double
  var user: Double
  var system: Double
  var maximumResidentKiB: Int
}

/// Runs `executable arguments` with its output thrown away, and what it cost.
func measure(_ executable: String, _ arguments: [String]) -> Cost {
  var actions = SystemSpawn.fileActions()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = ([executable] + arguments).map { strdup($0) } + [nil]
  defer { for argument in argv { free(argument) } }
  var pid: pid_t = 0
  let start = ContinuousClock.now
  let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
  guard spawned == 0 else {
    say("cannot start \(executable): \(String(cString: strerror(spawned)))")
    exit(1)
  }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
  let elapsed = ContinuousClock.now - start
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return Cost(
    status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f),
    wall: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
    user: seconds(usage.ru_utime), system: seconds(usage.ru_stime),
    maximumResidentKiB: usage.ru_maxrss)
}

/// One decimal.
func format(_ value: Double) -> String { String(format: "%.1f", value) }

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "write" {
  guard arguments.count >= 2 else {
    say("usage: inspect-bench write <file> [megabytes]")
    exit(2)
  }
  let megabytes = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
  let summary = try LargeCassette(targetBytes: megabytes << 20).write(
    to: URL(fileURLWithPath: arguments[1]))
  say("wrote \(arguments[1]): \(summary.bytes) bytes, \(summary.interactions) interactions")
  exit(0)
}
guard arguments.count <= 1, let megabytes = Int(arguments.first ?? "200"), megabytes > 0 else {
  say("usage: inspect-bench [megabytes] | inspect-bench write <file> [megabytes]")
  exit(2)
}
let tape = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  .deletingLastPathComponent().appending(path: "tape").path
guard FileManager.default.isExecutableFile(atPath: tape) else {
  say("no tape executable at \(tape): run `swift build -c release --product tape` first")
  exit(1)
}
let folder = FileManager.default.temporaryDirectory.appending(path: "inspect-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let file = folder.appending(path: "large.json")
let generator = LargeCassette(targetBytes: megabytes << 20, secretInBlock: 1)
let written = try generator.write(to: file)
var load = [Double](repeating: 0, count: 3)
getloadavg(&load, 3)
say(
  "inspect-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
    + "load average \(format(load[0])) at the start")
say(
  "cassette: \(written.bytes) bytes (\(format(Double(written.bytes) / 1_048_576)) MiB), "
    + "\(written.interactions) interactions, one planted secret")
say("command                  exit     wall s    CPU s (user + sys)    max RSS MiB")
for (name, command) in [
  ("tape inspect", ["inspect", file.path]),
  ("tape inspect --json", ["inspect", "--json", file.path]),
  ("tape audit", ["audit", file.path]),
] {
  let cost = measure(tape, command)
  say(
    name.padding(toLength: 25, withPad: " ", startingAt: 0)
      + "\(cost.status)".padding(toLength: 9, withPad: " ", startingAt: 0)
      + format(cost.wall).padding(toLength: 10, withPad: " ", startingAt: 0)
      + "\(format(cost.user + cost.system)) (\(format(cost.user)) + \(format(cost.system)))"
      .padding(toLength: 22, withPad: " ", startingAt: 0)
      + format(Double(cost.maximumResidentKiB) / 1024))
}
say("(audit exits 1: it finds the planted secret)")
