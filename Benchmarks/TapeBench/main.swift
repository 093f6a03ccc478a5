import Foundation
import JSONTree
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// tape-bench replay: the figures issue 3 asks for, measured in one run.
// Run: swift run -c release tape-bench replay
// tape-bench inflate: Tape's inflate against C zlib (InflateBench.swift).

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["inflate"] {
  try inflateBenchmark()
  exit(0)
}
guard arguments == ["replay"] else {
  FileHandle.standardError.write(Data("usage: tape-bench replay|inflate\n".utf8))
  exit(2)
}

/// Prints a line at once (unbuffered), so that figures survive whatever comes next.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let base = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks"

/// A cassette of `count` distinct task polls, each answered with a Check progress body.
func makeCassette(_ count: Int) -> Cassette {
  Cassette(
    interactions: (0..<count).map { index in
      Interaction(
        request: RecordedRequest(
          method: "GET", url: "\(base)/task-\(index)/progress",
          headers: ["X-Auth-Token": "<X_AUTH_TOKEN>"]),
        response: RecordedResponse(
          status: 200,
          headers: [
            "Content-Type": "application/json;charset=UTF-8", "X-Request-Id": "request-\(index)",
          ],
          body: RecordedBody(
            .json(
              .object([
                JSONMember("task_status", .number("0")),
                JSONMember(
                  "progress",
                  .object([
                    JSONMember("ratio", .string("\(index % 101)%")),
                    JSONMember("info", .string("running")),
                  ])),
              ])))),
        offset: .milliseconds(index * 5000), duration: .milliseconds(120))
    }, metadata: ["origin": "benchmark"])
}

/// The median of `runs` timings of `body`, in seconds.
func median(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
  return times.sorted()[runs / 2]
}

/// The median of `runs` timings of an async `body`, in seconds.
nonisolated func medianAsync(runs: Int = 5, _ body: () async throws -> Void) async rethrows
  -> Double
{
  var times: [Double] = []
  for _ in 0..<runs {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
  return times.sorted()[runs / 2]
}

func requests(_ count: Int, spread: Int) -> [URLRequest] {
  (0..<count).map { index in
    var request = URLRequest(url: URL(string: "\(base)/task-\(index % spread)/progress")!)
    request.setValue("MIItoken", forHTTPHeaderField: "X-Auth-Token")
    return request
  }
}

/// Requests per second through a transport, over `requests`.
nonisolated func transportRate(_ player: CassettePlayer, _ requests: [URLRequest]) async throws
  -> Double
{
  let transport = player.transport
  let seconds = try await medianAsync {
    for request in requests { _ = try await transport.send(request) }
  }
  return Double(requests.count) / seconds
}

/// Requests per second through a URLSession, `concurrency` requests in flight.
nonisolated func sessionRate(_ session: URLSession, _ requests: [URLRequest], concurrency: Int)
  async throws
  -> Double
{
  let seconds = try await medianAsync {
    try await withThrowingTaskGroup(of: Void.self) { group in
      for lane in 0..<concurrency {
        group.addTask {
          for index in stride(from: lane, to: requests.count, by: concurrency) {
            let (_, response) = try await session.data(for: requests[index])
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
              throw URLError(.badServerResponse)
            }
          }
        }
      }
      try await group.waitForAll()
    }
  }
  return Double(requests.count) / seconds
}

/// The floor: a URLProtocol that answers every request with one constant response.
final class ConstantStubProtocol: URLProtocol {
  static let body = Data(#"{"task_status":0,"progress":{"info":"running","ratio":"50%"}}"#.utf8)

  override class func canInit(with request: URLRequest) -> Bool { true }
  override class func canonicalRequest(for request: URLRequest) -> URLRequest { request }
  override func startLoading() {
    let response = HTTPURLResponse(
      url: request.url!, statusCode: 200, httpVersion: "HTTP/1.1",
      headerFields: ["Content-Type": "application/json"])!
    // Synchronously, as TapeURLProtocol does: answering from another thread crashes
    // FoundationNetworking on Linux once several tasks of a session are in flight.
    client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
    client?.urlProtocol(self, didLoad: Self.body)
    client?.urlProtocolDidFinishLoading(self)
  }
  override func stopLoading() {}
}

func format(_ value: Double) -> String {
  value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
}

say("tape-bench replay (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")

// 1. Load time of a 10,000-interaction cassette, against JSONSerialization of the same file.
let big = makeCassette(10_000)
let file = FileManager.default.temporaryDirectory.appending(path: "tape-bench-\(getpid()).json")
try CassetteFile.encode(big).write(to: file, options: .atomic)
defer { try? FileManager.default.removeItem(at: file) }
let bytes = try Data(contentsOf: file)
let loadSeconds = try median { _ = try CassetteFile.load(from: file) }
let serializationSeconds = try median {
  _ = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
}
let parseOnlySeconds = try median { _ = try JSONParser().parse(bytes) }
say("")
say("load of a 10,000-interaction cassette (\(bytes.count / 1024) KiB), median of 5")
say("  CassetteFile.load         \(format(loadSeconds * 1000)) ms")
say("    of which JSON parsing   \(format(parseOnlySeconds * 1000)) ms")
say("  JSONSerialization         \(format(serializationSeconds * 1000)) ms")
say("  ratio                     \(format(loadSeconds / serializationSeconds))x (target <= 2x)")

// 2. Replay through the transport and through URLSession, against a constant stub.
let replayRequests = requests(100_000, spread: 10_000)
let bigPlayer = try CassettePlayer(
  cassette: big, source: "bench", configuration: .init(exhaustion: .repeatLast))
let transportPerSecond = try await transportRate(bigPlayer, replayRequests)
let sessionRequests = Array(replayRequests.prefix(10_000))
let tapeSession = bigPlayer.makeURLSession()
let stubConfiguration = URLSessionConfiguration.ephemeral
stubConfiguration.protocolClasses =
  [ConstantStubProtocol.self] + (stubConfiguration.protocolClasses ?? [])
let stubSession = URLSession(configuration: stubConfiguration)
say("")
say("replay of a 10,000-interaction cassette, requests/s (median of 5)")
say("  transport                 \(format(transportPerSecond)) (target >= 100,000)")
for concurrency in [1, 8] {
  let tape = try await sessionRate(tapeSession, sessionRequests, concurrency: concurrency)
  let stub = try await sessionRate(stubSession, sessionRequests, concurrency: concurrency)
  say("  URLSession + Tape, \(concurrency) in flight   \(format(tape))")
  say(
    "  URLSession + constant stub  \(format(stub))   (Tape costs \(format(stub / tape))x the floor; target <= 1.5x)"
  )
}

// 3. Per-request cost as the cassette grows.
say("")
say("per-request cost through the transport (100,000 requests, median of 5)")
for size in [100, 1_000, 10_000] {
  let player = try CassettePlayer(
    cassette: makeCassette(size), source: "bench", configuration: .init())
  let rate = try await transportRate(player, requests(100_000, spread: size))
  say(
    "  \(String(size).padding(toLength: 6, withPad: " ", startingAt: 0)) interactions   \(format(1e6 / rate)) µs"
  )
}

// 4. A ten-minute polling session at its recorded cadence, on a virtual clock.
let tenMinutes = Cassette(
  interactions: (0...10).map { minute in
    Interaction(
      request: RecordedRequest(method: "GET", url: "\(base)/task-0/progress"),
      response: RecordedResponse(status: 200, body: RecordedBody(.text("{}"))),
      offset: .seconds(60 * minute), duration: .milliseconds(250))
  })
let virtualClock = VirtualClock()
let cadencePlayer = try CassettePlayer(
  cassette: tenMinutes, source: "bench",
  configuration: .init(pacing: .recordedCadence, clock: ReplayClock(virtualClock)))
let cadenceSession = cadencePlayer.makeURLSession()
let cadenceRequest = URLRequest(url: URL(string: "\(base)/task-0/progress")!)
let cadenceStart = ContinuousClock.now
for _ in 0...10 { _ = try await cadenceSession.data(for: cadenceRequest) }
let cadenceElapsed = ContinuousClock.now - cadenceStart
say("")
say("a 10-minute recorded polling cadence (11 polls) replayed through URLSession on a VirtualClock")
say(
  "  virtual time \(virtualClock.elapsed), real time \(format(Double(cadenceElapsed.components.attoseconds) / 1e15 + Double(cadenceElapsed.components.seconds) * 1000)) ms"
)
