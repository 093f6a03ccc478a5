import Foundation
import Tape

// tape-bench inflate: Tape's pure-Swift inflate on 1 MiB of JSON-like text compressed by
// `gzip -6`, against Python's zlib.decompress and `gzip -d` on the same bytes.

/// Runs `tape-bench inflate`.
func inflateBenchmark() throws {
  let rounds = 25
  say("tape-bench inflate (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
  let input = inflateInput()
  let folder = FileManager.default.temporaryDirectory.appending(path: "tape-inflate-\(getpid())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let plain = folder.appending(path: "input.json")
  try input.write(to: plain)
  let compressed = try run("/bin/sh", ["-c", "gzip -6 -c '\(plain.path)'"])
  let gzipFile = folder.appending(path: "input.json.gz")
  try compressed.write(to: gzipFile)
  guard try Inflate.gzip(compressed) == input else {
    say("Inflate.gzip does not give the input back")
    exit(1)
  }
  // gzip -c from a file writes FNAME: the raw stream starts after the name's zero byte.
  let nameEnd = (compressed.dropFirst(10).firstIndex(of: 0) ?? 9) + 1
  let raw = compressed[nameEnd..<(compressed.count - 8)]
  let megabytes = Double(input.count) / 1_048_576
  say(
    "input: \(input.count) bytes of JSON rows, gzip -6: \(compressed.count) bytes "
      + "(\(String(format: "%.1f", Double(input.count) / Double(compressed.count)))x)")
  say("MiB/s of output, median of \(rounds) runs (min to max)")

  func report(_ name: String, _ seconds: [Double]) {
    let sorted = seconds.sorted()
    let rate = { (time: Double) in String(format: "%.0f", megabytes / time) }
    say(
      "  \(name.padding(toLength: 34, withPad: " ", startingAt: 0))"
        + "\(rate(sorted[sorted.count / 2]).leftPadded(6)) MiB/s  "
        + "(\(rate(sorted.last ?? 1)) to \(rate(sorted.first ?? 1)); "
        + "\(String(format: "%.2f", sorted[sorted.count / 2] * 1000)) ms)")
  }

  report(
    "Tape Inflate.gzip (CRC-32 checked)", try timings(rounds) { _ = try Inflate.gzip(compressed) })
  report("Tape Inflate.raw (no checksum)", try timings(rounds) { _ = try Inflate.raw(Data(raw)) })
  report(
    "Tape ContentDecoding (gzip)",
    timings(rounds) { _ = ContentDecoding.decode(compressed, coding: "gzip") })

  let python = """
    import sys, time, zlib
    data = open(sys.argv[1], 'rb').read()
    for _ in range(int(sys.argv[2])):
        start = time.perf_counter()
        zlib.decompress(data, 31)
        print(time.perf_counter() - start)
    """
  if let output = try? run("/usr/bin/env", ["python3", "-c", python, gzipFile.path, "\(rounds)"]) {
    let seconds = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
      Double($0)
    }
    if !seconds.isEmpty { report("python3 zlib.decompress (C zlib)", seconds) }
  } else {
    say("  python3 not found: no zlib figure")
  }
  // gzip -d is a process: its startup (a millisecond or more) is amortized over 32 members.
  let members = 32
  let manyMembers = Data((0..<members).flatMap { _ in compressed })
  let manyFile = folder.appending(path: "many.json.gz")
  try manyMembers.write(to: manyFile)
  let rounds32 = 7
  say("the same, \(members) members one after another (\(members) MiB out), median of \(rounds32)")
  let manyMegabytes = megabytes * Double(members)
  func reportMany(_ name: String, _ seconds: [Double]) {
    let median = seconds.sorted()[seconds.count / 2]
    say(
      "  \(name.padding(toLength: 34, withPad: " ", startingAt: 0))"
        + "\(String(format: "%.0f", manyMegabytes / median).leftPadded(6)) MiB/s  "
        + "(\(String(format: "%.1f", median * 1000)) ms)")
  }
  reportMany(
    "Tape Inflate.gzip", try timings(rounds32) { _ = try Inflate.gzip(manyMembers, limit: 1 << 30) }
  )
  var gzipSeconds: [Double] = []
  for _ in 0..<rounds32 {
    let start = ContinuousClock.now
    guard (try? run("/bin/sh", ["-c", "gzip -dc '\(manyFile.path)' > /dev/null"])) != nil else {
      break
    }
    gzipSeconds.append(seconds(ContinuousClock.now - start))
  }
  if !gzipSeconds.isEmpty { reportMany("gzip -dc (a process)", gzipSeconds) }
  let pythonMembers = python.replacingOccurrences(
    of: "zlib.decompress(data, 31)", with: "gzip.decompress(data)"
  ).replacingOccurrences(of: "import sys, time, zlib", with: "import gzip, sys, time")
  if let output = try? run(
    "/usr/bin/env", ["python3", "-c", pythonMembers, manyFile.path, "\(rounds32)"])
  {
    let seconds = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
      Double($0)
    }
    if !seconds.isEmpty { reportMany("python3 gzip.decompress (C zlib)", seconds) }
  }
}

/// 1 MiB of JSON rows, the shape of task-progress answers, with varying numbers and ids.
private func inflateInput() -> Data {
  let statuses = ["RUNNING", "SUCCESS", "FAILED", "WAITING"]
  var text = "["
  var index = 0
  var state: UInt32 = 12_345
  while text.utf8.count < 1 << 20 {
    state = state &* 1_103_515_245 &+ 12_345
    let ratio = (state >> 16) % 101
    text +=
      #"{"task_id":"\#(String(state, radix: 16))","index":\#(index),"#
      + #""status":"\#(statuses[Int(state >> 8) % 4])","progress":{"ratio":"\#(ratio)%","#
      + #""info":"step \#(index % 17) of 17"},"created_at":\#(1_700_000_000 + index * 37)},"#
    index += 1
  }
  return Data(text.utf8.prefix(1 << 20))
}

private func timings(_ rounds: Int, _ body: () throws -> Void) rethrows -> [Double] {
  var result: [Double] = []
  for _ in 0..<rounds {
    let start = ContinuousClock.now
    try body()
    result.append(seconds(ContinuousClock.now - start))
  }
  return result
}

private func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `executable arguments` and returns its standard output; throws when it fails.
private func run(_ executable: String, _ arguments: [String]) throws -> Data {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
  return output
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
