// Per-poll cost of ProgressClient with AK/SK signing, next to a plain unsigned URLSession
// GET of the same URL, against one CloudSimulator (authentication off, so the server does
// the same work for both), at 1 and 8 concurrent clients. The two alternate in rounds so
// drift hits both; the median round of each is printed. Run it in release mode:
//   swift run -c release client-bench
import CloudProgress
import CloudProgressClient
import CloudSigning
import CloudSimulator
import Foundation
import HTTPTransportCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

if CommandLine.arguments.dropFirst().first == "parts" {
  measureParts()
  try await measureClientAlone()
  exit(0)
}

let secondsPerRound = 1.0
let rounds = 7
let levels = [1, 8]
let project = "0123456789abcdef0123456789abcdef"

let simulator = try CloudSimulator.start(
  scenario: SimulatorScenario(
    tasks: (0..<8).map { TaskScript(api: .check, id: "bench-\($0)", polls: 1_000_000_000) },
    requiresAuthentication: false))
let session = URLSession(configuration: .ephemeral)
let key = SimulatorScenario.defaultAccessKey
let progressClient = ProgressClient(
  endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
  credentials: .accessKey(key.accessKey, secret: key.secretKey), transport: session)
let tokenProgressClient = ProgressClient(
  endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
  credentials: .token(Secret("bench-token")), transport: session)
let signer = SDKSigner(
  credentials: Credentials(accessKey: key.accessKey, secretKey: key.secretKey))

/// One way of polling a task: the plain GET or the client.
enum Contender: String, CaseIterable {
  case plainGET = "URLSession GET"
  case tokenGET = "URLSession GET+token"
  case signedGET = "URLSession GET signed"
  case tokenClient = "ProgressClient token"
  case client = "ProgressClient AK/SK"

  func poll(_ index: Int) async throws {
    switch self {
    case .plainGET:
      let url = simulator.baseURL.appending(path: "v2/tasks/bench-\(index)/progress")
      let (_, response) = try await session.send(URLRequest(url: url))
      guard response.statusCode == 200 else { throw URLError(.badServerResponse) }
    case .tokenGET:
      var request = URLRequest(
        url: simulator.baseURL.appending(path: "v2/tasks/bench-\(index)/progress"))
      request.setValue("bench-token", forHTTPHeaderField: "X-Auth-Token")
      let (_, response) = try await session.send(request)
      guard response.statusCode == 200 else { throw URLError(.badServerResponse) }
    case .signedGET:
      var request = URLRequest(
        url: simulator.baseURL.appending(path: "v2/tasks/bench-\(index)/progress"))
      try signer.sign(&request, at: Date())
      let (_, response) = try await session.send(request)
      guard response.statusCode == 200 else { throw URLError(.badServerResponse) }
    case .tokenClient:
      _ = try await tokenProgressClient.checkTaskProgress(taskID: "bench-\(index)")
    case .client:
      _ = try await progressClient.checkTaskProgress(taskID: "bench-\(index)")
    }
  }
}

/// Runs `clients` concurrent pollers for `seconds`; returns the polls done.
func round(_ contender: Contender, clients: Int, seconds: Double) async throws -> Int {
  let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
  return try await withThrowingTaskGroup(of: Int.self) { group in
    for index in 0..<clients {
      group.addTask {
        var count = 0
        while ContinuousClock.now < deadline {
          try await contender.poll(index)
          count += 1
        }
        return count
      }
    }
    return try await group.reduce(0, +)
  }
}

print("client-bench: simulator on \(simulator.baseURL), \(rounds) rounds of \(secondsPerRound) s")
print("clients  contender                 polls/s   us/poll   ratio  cpu us/poll   ratio")
for clients in levels {
  for contender in Contender.allCases {
    _ = try await round(contender, clients: clients, seconds: 0.3)  // warm-up
  }
  // Rounds alternate the contenders; the median round of each is kept, so a burst of
  // other work on the machine during one round does not decide the figure.
  // The process's CPU time per poll (client, URLSession and simulator together) is printed
  // too: it moves less than wall time when other programs share the machine.
  var rates: [Contender: [Double]] = [:]
  var cpuPerPoll: [Contender: [Double]] = [:]
  for _ in 0..<rounds {
    for contender in Contender.allCases {
      let cpuBefore = processCPUSeconds()
      let polls = try await round(contender, clients: clients, seconds: secondsPerRound)
      let cpu = processCPUSeconds() - cpuBefore
      rates[contender, default: []].append(Double(polls) / secondsPerRound)
      cpuPerPoll[contender, default: []].append(1e6 * cpu / Double(max(polls, 1)))
    }
  }
  func median(_ values: [Double]?) -> Double {
    let sorted = (values ?? [0]).sorted()
    return sorted[sorted.count / 2]
  }
  let plain = median(rates[.plainGET])
  let plainCPU = median(cpuPerPoll[.plainGET])
  for contender in Contender.allCases {
    let rate = median(rates[contender])
    let cpu = median(cpuPerPoll[contender])
    print(
      String(
        format: "%7d  %@ %9.0f %9.1f %7.2f %12.1f %7.2f", clients,
        contender.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0), rate,
        1e6 * Double(clients) / rate, plain / rate, cpu, cpu / plainCPU))
  }
}
await simulator.stop()

/// The CPU time this process has used, in seconds.
func processCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// What one poll costs the client besides the exchange: building and signing the request,
/// decoding the answer. `client-bench parts` prints each, in microseconds.
func measureParts() {
  let url = URL(string: "http://127.0.0.1:8080/v2/tasks/bench-0/progress")!
  let signer = SDKSigner(credentials: Credentials(accessKey: "AK", secretKey: "SK"))
  let body = Data(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)
  let count = 20_000
  func time(_ name: String, _ body: () throws -> Void) rethrows {
    let start = ContinuousClock.now
    for _ in 0..<count { try body() }
    let elapsed = ContinuousClock.now - start
    let micros =
      Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
    print(
      String(
        format: "%-28@ %8.2f us", name.padding(toLength: 28, withPad: " ", startingAt: 0),
        micros / Double(count)))
  }
  time("URLRequest(url:)") { _ = URLRequest(url: url) }
  try! time("sign a URLRequest") {
    var request = URLRequest(url: url)
    try signer.sign(&request, at: Date())
  }
  let signable = try! SignableRequest(URLRequest(url: url))
  try! time("SignableRequest(URLRequest)") { _ = try SignableRequest(URLRequest(url: url)) }
  try! time("signature(for: signable)") { _ = try signer.signature(for: signable, at: Date()) }
  time("SDKTimestamp description") { _ = SDKTimestamp(Date()).description }
  try! time("decode CheckTaskProgress") { _ = try CheckTaskProgress(jsonData: body) }
}

/// Answers every request with the same canned poll, without a network.
struct CannedTransport: HTTPTransport {
  let body = Data(#"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#.utf8)

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    (
      body,
      HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: nil, headerFields: nil)!
    )
  }
}

/// The client's whole cost per poll over a transport that costs nothing.
func measureClientAlone() async throws {
  let count = 20_000
  let endpoint = URL(string: "http://127.0.0.1:8080")!
  for (name, credentials) in [
    ("client poll, token", CloudCredentials.token(Secret("t"))),
    ("client poll, AK/SK", CloudCredentials.accessKey("AK", secret: "SK")),
  ] {
    let client = ProgressClient(
      endpoints: ServiceEndpoints(endpoint: endpoint), projectID: "p", credentials: credentials,
      transport: CannedTransport())
    let start = ContinuousClock.now
    for _ in 0..<count { _ = try await client.checkTaskProgress(taskID: "bench-0") }
    let elapsed = ContinuousClock.now - start
    let micros =
      Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
    print(
      String(
        format: "%@ %8.2f us", name.padding(toLength: 28, withPad: " ", startingAt: 0),
        micros / Double(count)))
  }
}
