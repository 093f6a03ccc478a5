import Foundation
import HTTPTransportCore
import LoopbackHTTP
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// Recording through a URLSession (Tape's URLProtocol sending through the recording's
// upstream, delivering through the trampoline) and through RecordingTransport, next to the
// plain fetch a user writes (`URLSession(configuration: .ephemeral)`, which keeps a memory
// URL cache) and a plain fetch without a URL cache, taking turns in batches of 10, at 100,
// 1,000 and 10,000 interactions, one request in flight. Each recording way runs with two
// upstreams: the trait's default (`RecordingTransport.defaultUpstream`, a
// SameOriginTransport) and the plain `.ephemeral` session. The floor is a bare forwarding
// URLProtocol with no Tape code: its `startLoading` sends through the same upstream the
// same way and delivers the answer back on URLSession's shared queue the same way (its own
// copy of the trampoline), so what a URLSession recording costs above the floor is Tape's,
// and what the floor costs above the plain fetch is the URLProtocol mechanism on Linux.
// Then the final write, bytes written, and the secret scan alone on the bytes written (the
// recorder's scan before the write, and `tape audit`'s: best of 3).
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

/// The ways, taking turns in batches of 10 requests, so that a slow spell of a shared
/// machine falls on all of them alike and the ratios hold.
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

/// The sessions the ways share.
enum Sessions {
  /// The plain fetch a user writes: `.ephemeral` keeps a memory URL cache.
  static let plain = URLSession(configuration: .ephemeral)
  /// A plain fetch with no URL cache, as Tape's own sessions are.
  static let plainWithoutCache: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
  }()
}

/// The upstream a floor protocol forwards to.
protocol FloorUpstream: Sendable {
  static var transport: any HTTPTransport { get }
}

/// The trait's default upstream.
enum DefaultUpstream: FloorUpstream {
  static var transport: any HTTPTransport { RecordingTransport.defaultUpstream }
}

/// The plain `.ephemeral` session.
enum PlainUpstream: FloorUpstream {
  static var transport: any HTTPTransport { Sessions.plain }
}

/// The floor: a URLProtocol that only forwards, the Linux-safe way and nothing more, as a
/// recording URLSession does. `startLoading` runs on URLSession's shared queue, where
/// creating a task waits on itself, so the request is sent from a detached task, and the
/// answer is delivered back onto the shared queue by ``FloorTrampoline``, a copy of Tape's.
final class FloorProtocol<Upstream: FloorUpstream>: URLProtocol {
  override class func canInit(with request: URLRequest) -> Bool { true }
  override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }

  private var sending: Task<Void, Never>?

  override func startLoading() {
    let request = self.request
    let box = Box(self)
    sending = Task.detached {
      let result: Result<(Data, HTTPURLResponse), any Error>
      do {
        result = .success(try await Upstream.transport.send(request))
      } catch {
        result = .failure(error)
      }
      FloorTrampoline.shared.run { deliverAnswer(result, from: box.value) }
    }
  }

  override func stopLoading() { sending?.cancel() }

  /// A session whose requests this protocol forwards.
  static func session() -> URLSession { forwardingSession(Self.self) }
}

/// Hands an answer to a protocol's client (on the shared queue).
func deliverAnswer(_ result: Result<(Data, HTTPURLResponse), any Error>, from loader: URLProtocol) {
  guard let client = loader.client else { return }
  switch result {
  case .success(let (body, response)):
    client.urlProtocol(loader, didReceive: response, cacheStoragePolicy: .notAllowed)
    if !body.isEmpty { client.urlProtocol(loader, didLoad: body) }
    client.urlProtocolDidFinishLoading(loader)
  case .failure(let error):
    client.urlProtocol(loader, didFailWithError: error)
  }
}

/// A session with no URL cache whose requests `protocolClass` answers.
func forwardingSession(_ protocolClass: AnyClass) -> URLSession {
  let configuration = URLSessionConfiguration.ephemeral
  configuration.protocolClasses = [protocolClass]
  configuration.urlCache = nil
  return URLSession(configuration: configuration)
}

/// A URLProtocol handed across threads, touched only on the shared queue.
struct Box<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// The floor's own copy of Tape's trampoline: one never-finishing dummy task, resumed to
/// have corelibs call its protocol's `startLoading` again on the shared queue, where the
/// queued deliveries run.
final class FloorTrampoline: Sendable {
  static let shared = FloorTrampoline()
  static let pending = Mutex<[@Sendable () -> Void]>([])
  private let session: URLSession
  private let task: URLSessionDataTask

  private init() {
    session = forwardingSession(DrainProtocol.self)
    task = session.dataTask(with: URL(string: "floor-trampoline://drain")!)
    task.resume()
  }

  func run(_ work: @escaping @Sendable () -> Void) {
    let kick = Self.pending.withLock { queue in
      defer { queue.append(work) }
      return queue.isEmpty
    }
    if kick { task.resume() }
  }

  /// Each start runs the queued deliveries; it never finishes.
  final class DrainProtocol: URLProtocol {
    override class func canInit(with request: URLRequest) -> Bool { true }
    override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }
    override func startLoading() {
      let work = FloorTrampoline.pending.withLock { queue in
        defer { queue.removeAll() }
        return queue
      }
      for item in work { item() }
    }
    override func stopLoading() {}
  }
}

func recordingSession(upstream: any HTTPTransport, recorder: CassetteRecorder) throws
  -> URLSession
{
  let player = try CassettePlayer(
    cassette: Cassette(interactions: []), source: "bench",
    recording: RecordingSetup(
      transport: RecordingTransport(upstream: upstream, recorder: recorder),
      recordsEverything: true))
  return player.makeURLSession()
}

let defaultUpstream = RecordingTransport.defaultUpstream
let plain = Sessions.plain
let plainWithoutCache = Sessions.plainWithoutCache
let floorDefault = FloorProtocol<DefaultUpstream>.session()
let floorPlain = FloorProtocol<PlainUpstream>.session()
// Warm-up: every session, its connections and the trampolines.
for warm in [plain, plainWithoutCache, floorDefault, floorPlain] as [any HTTPTransport] {
  _ = try await run(warm, 0..<20)
}
_ = try await run(defaultUpstream, 0..<20)
_ = try await run(
  try recordingSession(upstream: defaultUpstream, recorder: CassetteRecorder()), 0..<20)

let names = [
  "plain fetch (.ephemeral, URL cache)",
  "plain fetch, no URL cache",
  "URLSession recording, default upstream",
  "URLSession recording, upstream plain",
  "floor: forwarding URLProtocol, default upstream",
  "floor: forwarding URLProtocol, upstream plain",
  "RecordingTransport, default upstream",
  "RecordingTransport, upstream plain",
  "default upstream alone (SameOriginTransport)",
]

for count in counts {
  let recorder = CassetteRecorder()
  let ways: [any HTTPTransport] = [
    plain,
    plainWithoutCache,
    try recordingSession(upstream: defaultUpstream, recorder: CassetteRecorder()),
    try recordingSession(upstream: plain, recorder: recorder),
    floorDefault,
    floorPlain,
    RecordingTransport(upstream: defaultUpstream, recorder: CassetteRecorder()),
    RecordingTransport(upstream: plain, recorder: CassetteRecorder()),
    defaultUpstream,
  ]
  let times = try await interleaved(ways, count: count)
  let perRequest = times.map { microseconds($0) / Double(count) }
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
  print("\(count) interactions")
  print(
    "  " + "way".padding(toLength: 50, withPad: " ", startingAt: 0)
      + "  µs/req  / plain  / no-cache plain")
  for (name, time) in zip(names, perRequest) {
    print(
      "  " + name.padding(toLength: 50, withPad: " ", startingAt: 0)
        + String(
          format: "  %6.0f  %6.2fx  %6.2fx", time, time / perRequest[0], time / perRequest[1]))
  }
  print(
    String(
      format: "  write %.1f ms, %d bytes, scan %.1f ms, audit scan %.1f ms",
      microseconds(writeTime) / 1000, summary?.bytes ?? 0, scanTime, auditTime))
}
await server.stop()
