import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// Recording through a URLSession (Tape's URLProtocol, inner session, trampoline) and through
// RecordingTransport, next to a plain URLSession fetch of the same server, taking turns in
// batches of 10, at 100, 1,000 and 10,000 interactions, one request in flight:
// per-interaction cost, the final write, bytes written, and the secret scan alone on the
// bytes written (the recorder's scan before the write, and `tape audit`'s: best of 3).
// Usage: swift run -c release record-bench [sizes...]

let sizes = CommandLine.arguments.dropFirst().compactMap(Int.init)
let counts = sizes.isEmpty ? [100, 1000, 10_000] : sizes
let server = try HTTPServer.start { request in
  .json(text: #"{"task_status":0,"progress":{"ratio":"50%","info":"\#(request.path)"}}"#)
}
let base = server.baseURL

func microseconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

func run(_ session: some HTTPTransport, _ range: Range<Int>) async throws -> Duration {
  let clock = ContinuousClock()
  return try await clock.measure {
    for n in range {
      var request = URLRequest(url: base.appending(path: "v2/tasks/t\(n)/progress"))
      request.setValue(
        "MIIBenchmarkToken0000000000000000000000", forHTTPHeaderField: "X-Auth-Token")
      _ = try await session.send(request)
    }
  }
}

/// The three ways, taking turns in batches of 10 requests, so that a slow spell of a shared
/// machine falls on all three alike and the ratios hold.
func interleaved(_ transports: [any HTTPTransport], count: Int) async throws -> [Duration] {
  var totals = Array(repeating: Duration.zero, count: transports.count)
  for start in stride(from: 0, to: count, by: 10) {
    let batch = start..<min(count, start + 10)
    for (index, transport) in transports.enumerated() {
      totals[index] += try await run(transport, batch)
    }
  }
  return totals
}

print(
  "interactions  plain µs/req  URLSession recording µs/req  ratio  "
    + "RecordingTransport µs/req  ratio  write ms  bytes  scan ms  audit scan ms")
let plain = URLSession(configuration: .ephemeral)
_ = try await run(plain, 0..<50)  // warm up
for count in counts {
  let recorder = CassetteRecorder()
  let player = try CassettePlayer(
    cassette: Cassette(interactions: []), source: "bench",
    recording: RecordingSetup(
      transport: RecordingTransport(upstream: plain, recorder: recorder), recordsEverything: true))
  let recording = player.makeURLSession()
  let times = try await interleaved(
    [plain, recording, RecordingTransport(upstream: plain, recorder: CassetteRecorder())],
    count: count)
  let (plainTime, recordTime, transportTime) = (times[0], times[1], times[2])
  let folder = FileManager.default.temporaryDirectory.appending(path: "record-bench-\(UUID())")
  defer { try? FileManager.default.removeItem(at: folder) }
  let clock = ContinuousClock()
  var summary: CassetteRecorder.Summary?
  let writeTime = try clock.measure {
    summary = try recorder.write(to: folder.appending(path: "bench.json"))
  }
  let written = try Data(contentsOf: folder.appending(path: "bench.json"))
  func bestOf3(_ scanner: SecretScanner) -> Double {
    (0..<3).map { _ in microseconds(clock.measure { _ = scanner.scan(written) }) / 1000 }.min()!
  }
  let scanTime = bestOf3(
    SecretScanner(liveSecrets: ["MIIBenchmarkToken0000000000000000000000"], redactor: .standard))
  let auditTime = bestOf3(SecretScanner(redactor: .huaweiCloud))
  let plainPer = microseconds(plainTime) / Double(count)
  let recordPer = microseconds(recordTime) / Double(count)
  let transportPer = microseconds(transportTime) / Double(count)
  print(
    String(
      format: "%12d  %12.0f  %27.0f  %5.2f  %25.0f  %5.2f  %8.1f  %d  %7.1f  %13.1f", count,
      plainPer, recordPer, recordPer / plainPer, transportPer, transportPer / plainPer,
      microseconds(writeTime) / 1000, summary?.bytes ?? 0, scanTime, auditTime))
}
await server.stop()
