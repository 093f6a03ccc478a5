import Foundation
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `loopback-bench journal [exchanges]`: the journal's work alone, with no server and no
/// socket, on a fixed workload: `exchanges` answered exchanges as `tape proxy` keeps them
/// (the bench's Check poll through the proxy, the simulator's answer with its four header
/// fields) handed to a recorder journaling beside a cassette, then the journal flushed.
/// Prints the process's CPU time per exchange (the journal's thread does nearly all of it).
/// Its work per exchange does not depend on the machine's load, so its instruction count
/// (`valgrind --tool=callgrind`, 2,000 exchanges) compares two builds exactly.
func runJournalWorkload(exchanges: Int) throws {
  let folder = FileManager.default.temporaryDirectory.appending(
    path: "loopback-bench-journal-\(getpid())")
  defer { try? FileManager.default.removeItem(at: folder) }
  let recorder = CassetteRecorder()
  try recorder.startJournal(beside: folder.appending(path: "bench.json"))
  let body = Data(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)
  let cpuStart = processCPUSeconds()
  let clock = ContinuousClock.now
  for index in 0..<exchanges {
    let (slot, offset) = recorder.begin()
    let request = URLRequest(
      url: URL(string: "http://127.0.0.1:36193/v2/tasks/bench-\(index % 64)/progress")!)
    recorder.complete(
      slot: slot, request: request, status: 200,
      headers: [
        ("Content-Type", "application/json"), ("Content-Length", "\(body.count)"),
        ("Date", "Sat, 05 Dec 2026 11:53:15 GMT"),
        ("X-Request-Id", String(format: "%032d", index)),
      ], body: body, offset: offset)
  }
  recorder.journal?.flush()
  let cpu = processCPUSeconds() - cpuStart
  let wall = (ContinuousClock.now - clock) / exchanges
  let micros = Double(wall.components.attoseconds) / 1e12 + Double(wall.components.seconds) * 1e6
  print(
    String(
      format: "journal: %d exchanges, %.1f us CPU per exchange (%.1f us wall)", exchanges,
      cpu * 1e6 / Double(exchanges), micros))
  recorder.journal?.remove()
}
