import CloudProgress
import CloudSimulator
import Foundation
import SeededRandom
import SimulatorTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Simulator: malformed requests and load")
struct SimulatorRobustnessTests {
  static let seed: UInt64 = 0x5EED_0004_C10D_5111

  /// One malformed request of the API layer (the HTTP layer has its own garbage suite).
  static func malformedRequest(_ random: inout SplitMix64, base: URL) -> URLRequest {
    let pieces = [
      "v1", "v2", "v5", "tasks", "jobs", "progress", "..", "%2e%2e", "%00", "ü", "%ZZ",
      "x" + String(repeating: "y", count: 300), "test-suites", "upload", "processes",
      "resource-package", "import-tasks", "quality", "resource", "status", "db-object", "template",
    ]
    let path = (0..<Int.random(in: 1...7, using: &random)).map { _ in
      pieces.randomElement(using: &random)!
    }
    .joined(separator: "/")
    let url =
      URL(
        string: base.absoluteString + "/" + path
          + (Bool.random(using: &random) ? "?offset=-1&limit=x&limit=" : ""))
      ?? base.appending(path: "v2/tasks/fallback/progress")
    var request = URLRequest(url: url)
    request.httpMethod = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"].randomElement(
      using: &random)!
    switch Int.random(in: 0..<6, using: &random) {
    case 0:
      request.setValue(
        "MII" + String(repeating: "A", count: Int.random(in: 0..<200, using: &random)),
        forHTTPHeaderField: "X-Auth-Token")
    case 1:
      request.setValue(
        "SDK-HMAC-SHA256 Access=\(random.next()), SignedHeaders=host;x-sdk-date, Signature=\(String(random.next(), radix: 16))",
        forHTTPHeaderField: "Authorization")
    case 2: request.setValue("20251399T250000Z", forHTTPHeaderField: "X-Sdk-Date")
    case 3: request.setValue("", forHTTPHeaderField: "X-Auth-Token")
    default: break
    }
    if Bool.random(using: &random) {
      request.setValue("\u{7F}garbage", forHTTPHeaderField: "workspace")
    }
    if request.httpMethod == "POST" {
      let bodies = [
        "{", "[]", "null", #"{"auth": {"identity": 7}}"#, String(repeating: "{\"a\":", count: 600),
        "\u{FEFF}{}",
      ]
      request.httpBody = Data(bodies.randomElement(using: &random)!.utf8)
    }
    return request
  }

  @Test(
    "1,000 seeded malformed API requests each get a 4xx with an X-Request-Id and an error body; the simulator lives on"
  )
  func malformedSuite() async throws {
    try await withSimulator(.standard) { simulator in
      var random = SplitMix64(seed: Self.seed)
      let requests = (0..<1_000).map { _ in Self.malformedRequest(&random, base: simulator.baseURL)
      }
      let session = URLSession(configuration: .ephemeral)
      let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
        for lane in 0..<8 {
          group.addTask {
            var problems: [String] = []
            for index in stride(from: lane, to: requests.count, by: 8) {
              let request = requests[index]
              let (data, response) = try await session.send(request)
              let described =
                "\(request.httpMethod ?? "") \(request.url?.absoluteString.prefix(80) ?? "")"
              if !(400..<500).contains(response.statusCode) {
                problems.append("#\(index) \(described): status \(response.statusCode)")
              }
              if response.value(forHTTPHeaderField: "X-Request-Id") == nil {
                problems.append("#\(index) \(described): no X-Request-Id")
              }
              if request.httpMethod != "HEAD", cloudError(data, response).code == nil {
                problems.append(
                  "#\(index) \(described): no error code in \(String(decoding: data.prefix(80), as: UTF8.self))"
                )
              }
            }
            return problems
          }
        }
        return try await group.reduce(into: [String]()) { $0 += $1 }
      }
      #expect(outcomes.isEmpty, "\(outcomes.prefix(10).joined(separator: "\n"))")
      let client = SimulatorClient(simulator: simulator)
      let (status, token) = try await client.token()
      #expect(status == 201)
      let (code, data, _) = try await client.send(
        try client.request(.check, id: "2b31ed520xxxxxxebedb6e57xxxxxxxx", token: token))
      #expect(code == 200)
      #expect(try CloudAPI.check.decodeResponse(from: data).taskProgress.phase == .running)
    }
  }

  @Test(
    "64 concurrent keep-alive clients doing 100 requests each: every answer is their own, in order")
  func concurrentClients() async throws {
    let scenario = SimulatorScenario(
      tasks: (0..<64).map { TaskScript(api: .check, id: "task-\($0)", polls: 100) },
      requiresAuthentication: false)
    try await withSimulator(scenario) { simulator in
      let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
        for clientIndex in 0..<64 {
          group.addTask {
            let client = SimulatorClient(simulator: simulator)
            let request = try client.request(.check, id: "task-\(clientIndex)")
            var wrong = 0
            for poll in 1...100 {
              let (status, data, _) = try await client.send(request)
              let answer = try JSONDecoder().decode(CheckTaskProgress.self, from: data)
              let expected = poll == 100 ? "100%" : "\(Int(Double(poll - 1) / 99 * 100))%"
              if status != 200 || answer.progress?.ratio?.wireValue.stringValue != expected {
                wrong += 1
              }
            }
            return wrong
          }
        }
        return try await group.reduce(0, +)
      }
      #expect(mismatches == 0)
    }
  }
}
