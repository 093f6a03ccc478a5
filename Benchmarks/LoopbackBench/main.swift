// Drives a LoopbackHTTP server from raw-socket keep-alive clients on their own threads, and
// prints requests per second and p50/p99 latency at 1, 8 and 64 concurrent clients. Run it
// in release mode:
//   swift run -c release loopback-bench             a trivial handler (the server alone)
//   swift run -c release loopback-bench simulator   the CloudSimulator answering Check polls
//   swift run -c release loopback-bench serve       the simulator, then `tape serve`'s
//                                                   CassetteServer replaying the same polls
//   swift run -c release loopback-bench proxy       the simulator, then `tape proxy`'s
//                                                   ForwardingProxy in front of it, then
//                                                   both side by side with a bare relay
//                                                   (BareRelay: the floor of any proxy)
//   swift run -c release loopback-bench journal [n] the journal's work alone on n exchanges
//                                                   (JournalWorkload; for callgrind)
import CloudProgress
import CloudSimulator
import Foundation
import JSONTree
import LoopbackHTTP
import Synchronization
import SystemInterface
import Tape
import TapeServer

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

let secondsPerLevel = 3.0
let levels = [1, 8, 64]
let mode = CommandLine.arguments.dropFirst().first ?? "server"
guard ["server", "simulator", "serve", "proxy", "journal"].contains(mode) else {
  FileHandle.standardError.write(
    Data("usage: loopback-bench [server | simulator | serve | proxy | journal [exchanges]]\n".utf8))
  exit(2)
}
if mode == "journal" {
  try runJournalWorkload(
    exchanges: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 20_000)
  exit(0)
}

/// One server under test: its port and the path of client `n`.
struct Target {
  var name: String
  var port: UInt16
  var path: @Sendable (Int) -> String
}

let server = try HTTPServer.start { _ in .text("ok") }
let simulator =
  mode == "server"
  ? nil
  : try CloudSimulator.start(
    scenario: SimulatorScenario(
      tasks: (0..<64).map { TaskScript(api: .check, id: "bench-\($0)", polls: 1_000_000_000) },
      requiresAuthentication: false))
let cassetteServer = mode == "serve" ? try startCassetteServer() : nil
// The proxy records as `tape proxy` does: every exchange journaled beside the cassette, its
// transport the one `tape proxy` uses (plain sockets to an http:// upstream).
let journalFolder = FileManager.default.temporaryDirectory.appending(
  path: "loopback-bench-\(getpid())")
let recorder = CassetteRecorder()
// LOOPBACK_BENCH_NO_JOURNAL=1 leaves the journal out, to see what it costs.
if mode == "proxy" && ProcessInfo.processInfo.environment["LOOPBACK_BENCH_NO_JOURNAL"] == nil {
  try recorder.startJournal(beside: journalFolder.appending(path: "bench.json"))
}
let proxy =
  mode == "proxy"
  ? try ForwardingProxy.start(
    upstream: simulator!.baseURL, transport: DirectTransport(decodesContent: false),
    recorder: recorder) : nil

var targets: [Target] = []
if mode == "server" {
  targets.append(Target(name: "server", port: server.port) { "/bench/\($0)" })
}
if let simulator {
  targets.append(
    Target(name: "simulator", port: UInt16(simulator.baseURL.port ?? 0)) {
      "/v2/tasks/bench-\($0)/progress"
    })
}
if let cassetteServer {
  targets.append(
    Target(name: "tape serve", port: UInt16(cassetteServer.baseURL.port ?? 0)) {
      "/v2/tasks/bench-\($0)/progress"
    })
}
if let proxy {
  targets.append(
    Target(name: "tape proxy", port: UInt16(proxy.baseURL.port ?? 0)) {
      "/v2/tasks/bench-\($0)/progress"
    })
}
print("loopback-bench \(mode): \(secondsPerLevel) s per level")
print(
  "target       clients   requests/s     p50 (us)     p99 (us)   requests  failures  cpu/req (us)")
// LOOPBACK_BENCH_INTERLEAVED_ONLY=1 (proxy) skips the levels run one after the other and the
// URLSession client: only the raw clients' side-by-side rounds.
let interleavedOnly = ProcessInfo.processInfo.environment["LOOPBACK_BENCH_INTERLEAVED_ONLY"] != nil
for target in targets where !(interleavedOnly && mode == "proxy") {
  for clients in levels {
    let summary = runLevel(
      clients: clients, port: target.port, path: target.path, seconds: secondsPerLevel)
    print(
      target.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        + String(
          format: "%8d %12.0f %12.1f %12.1f %10d %9d %13.1f", clients, summary.requestsPerSecond,
          summary.p50Microseconds, summary.p99Microseconds, summary.requests, summary.failures,
          summary.cpuMicrosecondsPerRequest))
  }
}

if let proxy, let simulator {
  // Direct, through the proxy and through a bare relay (the floor: no HTTP work, see
  // BareRelay) side by side, for raw keep-alive clients on one connection to each, so that
  // a slow spell of a shared machine falls on all three alike: one client takes them in
  // turn, request by request; 8 clients run rounds of 20 requests to each, all of them on
  // the same target at once.
  let simulatorPort = UInt16(simulator.baseURL.port ?? 0)
  guard let relay = BareRelay(upstreamPort: simulatorPort) else {
    fatalError("the bare relay did not start")
  }
  let sinks = [simulatorPort, UInt16(proxy.baseURL.port ?? 0), relay.port]
  for (clients, rounds, perPhase) in [(1, 6_000, 1), (8, 150, 20)] {
    let medians = interleavedMedians(
      clients: clients, rounds: rounds, requestsPerPhase: perPhase, ports: sinks)
    print(
      String(
        format:
          "raw clients, %d at a time, interleaved: direct p50 %.1f us, through tape proxy p50 %.1f us (%.2fx), through a bare relay p50 %.1f us (%.2fx)",
        clients, medians[0], medians[1], medians[1] / medians[0],
        medians[2], medians[2] / medians[0]))
  }
  // What each costs the machine, which its load moves less than latency: the process's CPU
  // time (every thread, the kernel's work for them included) per request of one raw client,
  // 2,000 requests to each target in turn, 7 rounds, the median round.
  let cpu = cpuPerRequest(rounds: 7, requests: 2_000, ports: sinks)
  print(
    String(
      format:
        "cpu per request, 1 raw client: direct %.1f us, through tape proxy %.1f us (+%.1f), through a bare relay %.1f us (+%.1f)",
      cpu[0], cpu[1], cpu[1] - cpu[0], cpu[2], cpu[2] - cpu[0]))
}

if let proxy, let simulator, !interleavedOnly {
  // What a client sees: one URLSession client, direct to the simulator, then through the
  // proxy, interleaved in rounds.
  let session = URLSession(configuration: .ephemeral)
  var direct: [Double] = []
  var proxied: [Double] = []
  for round in 0..<10 {
    for (base, sink) in [(simulator.baseURL, 0), (proxy.baseURL, 1)] {
      for index in 0..<100 {
        let url = base.appending(path: "v2/tasks/bench-\(index % 64)/progress")
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try await session.data(from: url)
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
        if round > 0 { sink == 0 ? direct.append(micros) : proxied.append(micros) }
      }
    }
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  print(
    String(
      format:
        "URLSession client, 1 at a time: direct p50 %.0f us, through tape proxy p50 %.0f us (%.2fx)",
      median(direct), median(proxied), median(proxied) / median(direct)))
}

let stopped = DispatchSemaphore(value: 0)
Task.detached {
  await server.stop()
  await simulator?.stop()
  await cassetteServer?.stop()
  await proxy?.stop()
  stopped.signal()
}
stopped.wait()
if let journal = recorder.journal {
  let size = (try? FileManager.default.attributesOfItem(atPath: journal.url.path)[.size]) ?? 0
  print("journal: \(size) bytes, \(journal.failure ?? "no failure")")
  journal.remove()
  try? FileManager.default.removeItem(at: journalFolder)
}

/// A cassette of one Check answer per client, each repeated for ever (`repeatLast`), served
/// by the CassetteServer `tape serve` uses.
func startCassetteServer() throws -> CassetteServer {
  let body = try RecordedBody(
    .json(JSONParser().parse(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#)))
  let interactions = (0..<64).map { index in
    Interaction(
      request: RecordedRequest(
        method: "GET",
        url: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/bench-\(index)/progress"),
      response: RecordedResponse(
        status: 200, headers: ["Content-Type": "application/json"], body: body))
  }
  let player = try CassettePlayer(
    cassette: Cassette(interactions: interactions), source: "bench",
    configuration: ReplayConfiguration(matchers: [.method, .path, .query, .body]))
  return try CassetteServer.start(player: player, port: 0) { _ in }
}

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
func runLevel(
  clients: Int, port: UInt16, path: @escaping @Sendable (Int) -> String, seconds: Double
)
  -> LatencySummary
{
  let run = LevelRun()
  for client in 0..<clients {
    let thread = Thread {
      var latencies: [UInt64] = []
      latencies.reserveCapacity(200_000)
      var failures = 0
      if var connection = BenchClient(port: port, path: path(client)) {
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
  let cpuStart = processCPUSeconds()
  Thread.sleep(forTimeInterval: seconds)
  run.measuring.store(false, ordering: .relaxed)
  let cpuSeconds = processCPUSeconds() - cpuStart
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  run.running.store(false, ordering: .relaxed)
  for _ in 0..<clients { run.finished.wait() }
  return run.results.withLock {
    LatencySummary(
      latencies: $0.latencies, failures: $0.failures, seconds: elapsed, cpuSeconds: cpuSeconds)
  }
}

/// The p50 latency (microseconds) of each of `ports`, measured side by side: `clients`
/// threads, each on one keep-alive connection to every port, run `rounds` rounds of one
/// phase per port, `requestsPerPhase` requests each; with more than one client, every
/// client is in the same phase at once (a phase ends when all have finished it). The first
/// thirtieth of the rounds is not counted.
func interleavedMedians(clients: Int, rounds: Int, requestsPerPhase: Int, ports: [UInt16])
  -> [Double]
{
  let start = DispatchSemaphore(value: 0)
  let done = DispatchSemaphore(value: 0)
  let finished = DispatchSemaphore(value: 0)
  let times = Mutex<[[Double]]>(Array(repeating: [], count: ports.count))
  for client in 0..<clients {
    Thread {
      let path = "/v2/tasks/bench-\(client)/progress"
      var connections = ports.compactMap { BenchClient(port: $0, path: path) }
      var mine: [[Double]] = Array(repeating: [], count: ports.count)
      for round in 0..<rounds {
        for sink in ports.indices {
          if clients > 1 { start.wait() }
          if connections.count == ports.count {
            for _ in 0..<requestsPerPhase {
              let begin = DispatchTime.now().uptimeNanoseconds
              let status = connections[sink].exchange()
              let micros = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1000
              if round >= rounds / 30 && status == 200 { mine[sink].append(micros) }
            }
          }
          if clients > 1 { done.signal() }
        }
      }
      for connection in connections { connection.close() }
      times.withLock { all in
        for sink in ports.indices { all[sink] += mine[sink] }
      }
      finished.signal()
    }.start()
  }
  for _ in 0..<(clients > 1 ? rounds : 0) {
    for _ in ports {
      for _ in 0..<clients { start.signal() }
      for _ in 0..<clients { done.wait() }
    }
  }
  for _ in 0..<clients { finished.wait() }
  return times.withLock { all in
    all.map { $0.isEmpty ? 0 : $0.sorted()[$0.count / 2] }
  }
}

/// The process's CPU time per request (microseconds) for each of `ports`: one client on one
/// keep-alive connection to each sends `requests` requests to each in turn, `rounds` times;
/// the median round of each.
func cpuPerRequest(rounds: Int, requests: Int, ports: [UInt16]) -> [Double] {
  let result = Mutex<[Double]>([])
  let finished = DispatchSemaphore(value: 0)
  Thread {
    var connections = ports.compactMap { BenchClient(port: $0, path: "/v2/tasks/bench-0/progress") }
    var costs: [[Double]] = Array(repeating: [], count: ports.count)
    if connections.count == ports.count {
      for _ in 0..<rounds {
        for sink in ports.indices {
          let start = processCPUSeconds()
          for _ in 0..<requests { _ = connections[sink].exchange() }
          costs[sink].append((processCPUSeconds() - start) * 1e6 / Double(requests))
        }
      }
    }
    for connection in connections { connection.close() }
    result.withLock { $0 = costs.map { $0.isEmpty ? 0 : $0.sorted()[$0.count / 2] } }
    finished.signal()
  }.start()
  finished.wait()
  return result.withLock { $0 }
}

/// The CPU time, user and system, the process has used so far.
@Sendable func processCPUSeconds() -> Double {
  var usage = rusage()
  getrusage(SystemProcess.resourceUsageOfSelf, &usage)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
