import LoopbackHTTP
import Synchronization
import Testing

@Suite("Garbage on the socket")
struct GarbageTests {
  static let seed: UInt64 = 0x7A9E_2025_C0FF_EE01
  static let caseCount = 4_000
  static let workers = 8
  static let configuration = HTTPServerConfiguration(
    maxHeadBytes: 4_096, maxHeaderFields: 20, maxBodyBytes: 4_096, idleTimeout: .seconds(2),
    requestReadTimeout: .seconds(2))

  /// What became of one case.
  private struct Outcome: Sendable {
    var kind: String
    var statuses: [Int]
    var failure: String?
  }

  @Test(
    "thousands of malformed requests each get a 4xx or a closed connection; the server lives on")
  func garbageSuite() async throws {
    var generator = GarbageGenerator(seed: Self.seed, maxHeadBytes: Self.configuration.maxHeadBytes)
    let cases = (0..<Self.caseCount).map { _ in generator.next() }
    try await withServer(Self.configuration) { server in
      let port = server.port
      let outcomes = try await withThrowingTaskGroup(of: [(Int, Outcome)].self) { group in
        for worker in 0..<Self.workers {
          group.addTask {
            try await onDedicatedThread {
              stride(from: worker, to: cases.count, by: Self.workers).map { index in
                (index, Self.run(cases[index], afterValidRequest: index % 4 == 3, port: port))
              }
            }
          }
        }
        var all: [(Int, Outcome)] = []
        for try await part in group { all += part }
        return all.sorted { $0.0 < $1.0 }.map(\.1)
      }

      let failures = outcomes.enumerated().compactMap { index, outcome in
        outcome.failure.map { "case \(index) (\(outcome.kind), seed \(Self.seed)): \($0)" }
      }
      let failureCount = failures.count
      #expect(failureCount == 0, "\(failures.prefix(20).joined(separator: "\n"))")
      #expect(outcomes.count == Self.caseCount)
      let statuses = Set(outcomes.flatMap(\.statuses))
      #expect(statuses.isSubset(of: [200, 400, 408, 413, 431]))
      #expect(statuses.isSuperset(of: [200, 400, 413, 431]))
      #expect(Set(outcomes.map(\.kind)).count == 16)

      let (normal, posted) = try await onDedicatedThread {
        let connection = try RawConnection(port: port)
        try connection.send(get("/still/alive?after=garbage"))
        let normal = try connection.readResponse()
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok")
        return (normal, try connection.readResponse())
      }
      #expect(normal.status == 200)
      #expect(normal.header("X-Path") == "/still/alive")
      #expect(normal.header("X-Query") == "after=garbage")
      #expect(posted.text == "ok")
    }
  }

  /// Sends one case on a fresh connection (after a valid request when asked) and checks what
  /// comes back: the valid request's 200, then at most one 4xx, then the end of the stream.
  private static func run(_ garbage: GarbageCase, afterValidRequest: Bool, port: UInt16) -> Outcome
  {
    var outcome = Outcome(kind: garbage.kind, statuses: [], failure: nil)
    do {
      let connection = try RawConnection(port: port)
      defer { connection.close() }
      let prefix = afterValidRequest ? Array(get("/ok").utf8) : []
      do {
        try connection.send(prefix + garbage.bytes)
      } catch {
        // The server may refuse and close before reading everything; what it said still counts.
      }
      if garbage.ending == .reset {
        connection.closeWithReset()
        return outcome
      }
      connection.shutdownWrite()
      var responses = try RawResponse.parseAll(
        try connection.readUntilClosed(timeout: .seconds(10)))
      outcome.statuses = responses.map(\.status)
      if afterValidRequest {
        guard let first = responses.first, first.status == 200, first.header("X-Path") == "/ok"
        else {
          outcome.failure =
            "the valid request before the garbage got \(responses.first.map { "\($0.status)" } ?? "nothing")"
          return outcome
        }
        responses.removeFirst()
      }
      if responses.count > 1 {
        outcome.failure = "\(responses.count) answers to garbage: \(responses.map(\.status))"
      } else if let answer = responses.first, !(400..<500).contains(answer.status) {
        outcome.failure = "answered \(answer.status): \(answer.text)"
      } else if let answer = responses.first, answer.header("Connection") != "close" {
        outcome.failure = "answered \(answer.status) without Connection: close"
      } else if responses.isEmpty && garbage.mustBeAnswered {
        outcome.failure = "closed without the 4xx a complete malformed head deserves"
      }
    } catch {
      outcome.failure = "\(error)"
    }
    return outcome
  }
}
