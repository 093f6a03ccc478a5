// Drives a LoopbackHTTP server from raw-socket keep-alive clients on their own threads, and
// prints requests per second and p50/p99 latency at 1, 8 and 64 concurrent clients. Run it
// in release mode:
//   swift run -c release loopback-bench             a trivial handler (the server alone)
//   swift run -c release loopback-bench simulator   the CloudSimulator answering Check polls
import CloudProgress
import CloudSimulator
import Foundation
import LoopbackHTTP
import Synchronization

let secondsPerLevel = 3.0
let levels = [1, 8, 64]
let mode = CommandLine.arguments.dropFirst().first ?? "server"
guard ["server", "simulator"].contains(mode) else {
  FileHandle.standardError.write(Data("usage: loopback-bench [server | simulator]\n".utf8))
  exit(2)
}

let server = try HTTPServer.start { _ in .text("ok") }
let simulator =
  mode == "simulator"
  ? try CloudSimulator.start(
    scenario: SimulatorScenario(
      tasks: (0..<64).map { TaskScript(api: .check, id: "bench-\($0)", polls: 1_000_000_000) },
      requiresAuthentication: false)) : nil
let port = simulator.flatMap { UInt16(exactly: $0.baseURL.port ?? 0) } ?? server.port
let pathPrefix = simulator == nil ? "/bench/" : "/v2/tasks/bench-"
let pathSuffix = simulator == nil ? "" : "/progress"
print("loopback-bench \(mode): server on port \(port), \(secondsPerLevel) s per level")
print("clients   requests/s     p50 (us)     p99 (us)   requests  failures")

for clients in levels {
  let summary = runLevel(clients: clients, port: port, seconds: secondsPerLevel)
  print(
    String(
      format: "%7d %12.0f %12.1f %12.1f %10d %9d", clients, summary.requestsPerSecond,
      summary.p50Microseconds, summary.p99Microseconds, summary.requests, summary.failures))
}

let stopped = DispatchSemaphore(value: 0)
Task.detached {
  await server.stop()
  await simulator?.stop()
  stopped.signal()
}
stopped.wait()

/// The flags and results the client threads of one level share.
final class LevelRun: Sendable {
  /// Whether latencies are being recorded (false during warm-up).
  let measuring = Atomic<Bool>(false)
  /// Whether clients keep sending.
  let running = Atomic<Bool>(true)
  /// Every recorded latency, in nanoseconds, and the failed exchanges.
  let results = Mutex<(latencies: [UInt64], failures: Int)>(([], 0))
  /// Signalled by each client thread as it ends.
  let finished = DispatchSemaphore(value: 0)
}

/// Runs `clients` threads against the server for `seconds` after a short warm-up.
func runLevel(clients: Int, port: UInt16, seconds: Double) -> LatencySummary {
  let run = LevelRun()
  for client in 0..<clients {
    let thread = Thread {
      var latencies: [UInt64] = []
      latencies.reserveCapacity(200_000)
      var failures = 0
      if var connection = BenchClient(port: port, path: "\(pathPrefix)\(client)\(pathSuffix)") {
        while run.running.load(ordering: .relaxed) {
          let start = DispatchTime.now().uptimeNanoseconds
          let status = connection.exchange()
          let end = DispatchTime.now().uptimeNanoseconds
          guard status == 200 else {
            failures += 1
            break
          }
          if run.measuring.load(ordering: .relaxed) { latencies.append(end - start) }
        }
        connection.close()
      } else {
        failures += 1
      }
      run.results.withLock {
        $0.latencies += latencies
        $0.failures += failures
      }
      run.finished.signal()
    }
    thread.start()
  }
  Thread.sleep(forTimeInterval: 0.3)  // Warm-up, not measured.
  run.measuring.store(true, ordering: .relaxed)
  let start = DispatchTime.now().uptimeNanoseconds
  Thread.sleep(forTimeInterval: seconds)
  run.measuring.store(false, ordering: .relaxed)
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  run.running.store(false, ordering: .relaxed)
  for _ in 0..<clients { run.finished.wait() }
  return run.results.withLock {
    LatencySummary(latencies: $0.latencies, failures: $0.failures, seconds: elapsed)
  }
}
