import Foundation
import LoopbackHTTP
import Synchronization
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Recording transport")
struct RecordingTransportTests {
  @Test("a gzip answer from a real server is stored decoded (decodedFrom) and replays byte-exact")
  func gzipRecordedDecoded() async throws {
    let plain = Data("progress: 42% of the import, gzip on the wire\n".utf8)
    let server = try HTTPServer.start { _ in
      HTTPResponse(
        status: 200,
        headers: ["Content-Type": "text/plain", "Content-Encoding": "gzip"],
        body: gzipStored(plain))
    }
    let session = URLSession(configuration: .ephemeral)
    let recorder = CassetteRecorder()
    let transport = RecordingTransport(upstream: session, recorder: recorder)
    let url = server.baseURL.appending(path: "v2/tasks/t1/progress")
    let (live, _) = try await transport.send(URLRequest(url: url))
    await server.stop()
    #expect(live == plain)

    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "gzip.json")
    try recorder.write(to: file)
    let cassette = try CassetteFile.load(from: file)
    let response = try #require(cassette.interactions.first?.response)
    #expect(response.body?.decodedFrom == "gzip")
    #expect(response.headers["Content-Encoding"] == nil)
    #expect(response.headers["Content-Length"] == String(plain.count))

    let player = try CassettePlayer(cassette: cassette, source: file.path)
    let (replayed, head) = try await player.transport.send(URLRequest(url: url))
    #expect(replayed == plain)
    #expect(head.value(forHTTPHeaderField: "Content-Encoding") == nil)
  }

  @Test("a chunked answer is stored whole: Transfer-Encoding dropped, Content-Length set")
  func chunkedStoredWhole() async throws {
    let body = Data(String(repeating: "chunk ", count: 500).utf8)
    let upstream = CannedTransport { _ in
      (200, ["Content-Type": "text/plain", "Transfer-Encoding": "chunked"], body)
    }
    let recorder = CassetteRecorder()
    let url = URL(string: "http://127.0.0.1:9/chunked")!
    _ = try await RecordingTransport(upstream: upstream, recorder: recorder)
      .send(URLRequest(url: url))
    let cassette = recorder.cassette()
    let response = try #require(cassette.interactions.first?.response)
    #expect(response.headers["Transfer-Encoding"] == nil)
    #expect(response.headers["Content-Length"] == String(body.count))
    let player = try CassettePlayer(cassette: cassette, source: "memory")
    let (replayed, _) = try await player.transport.send(URLRequest(url: url))
    #expect(replayed == body)
  }

  @Test("identical consecutive polls are stored once with their repeat count")
  func repeatsFolded() async throws {
    let count = Mutex(0)
    let upstream = CannedTransport { _ in
      let n = count.withLock { value in
        value += 1
        return value
      }
      let status = n <= 5 ? #"{"status":"RUNNING"}"# : #"{"status":"SUCCESS"}"#
      return (200, ["Content-Type": "application/json"], Data(status.utf8))
    }
    let recorder = CassetteRecorder()
    let transport = RecordingTransport(upstream: upstream, recorder: recorder)
    let url = URL(string: "http://127.0.0.1:9/v2/tasks/t/progress")!
    for _ in 0..<7 { _ = try await transport.send(URLRequest(url: url)) }
    let cassette = recorder.cassette()
    #expect(cassette.interactions.map(\.repeatCount) == [5, 2])
    let player = try CassettePlayer(cassette: cassette, source: "memory")
    var answers: [String] = []
    for _ in 0..<8 {
      let (data, _) = try await player.transport.send(URLRequest(url: url))
      answers.append(String(decoding: data, as: UTF8.self))
    }
    #expect(answers.filter { $0.contains("RUNNING") }.count == 5)
    #expect(answers.suffix(3).allSatisfy { $0.contains("SUCCESS") })
  }

  @Test("32 tasks recording 1,000 interactions: all present, order kept within each key")
  func concurrentRecording() async throws {
    let upstream = CannedTransport { request in
      let query = request.url!.query ?? ""
      return (200, ["Content-Type": "application/json"], Data(#"{"q":"\#(query)"}"#.utf8))
    }
    let recorder = CassetteRecorder()
    let transport = RecordingTransport(upstream: upstream, recorder: recorder)
    let perTask = 1000 / 32 + 1
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<32 {
        group.addTask {
          for n in 0..<perTask where task * perTask + n < 1000 {
            let url = URL(string: "http://127.0.0.1:9/tasks/\(task)/progress?n=\(n)")!
            _ = try await transport.send(URLRequest(url: url))
          }
        }
      }
      try await group.waitForAll()
    }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "parallel.json")
    let summary = try recorder.write(to: file)
    #expect(summary.recorded == 1000)
    let cassette = try CassetteFile.load(from: file)
    #expect(cassette.interactions.count == 1000)
    var sequences: [String: [Int]] = [:]
    for interaction in cassette.interactions {
      let components = URLComponents(string: interaction.request.url)!
      let n = Int(components.queryItems!.first!.value!)!
      sequences[components.path, default: []].append(n)
    }
    #expect(sequences.count == 32)
    #expect(sequences.values.allSatisfy { $0 == Array(0..<$0.count) })
  }

  @Test("a write killed with SIGKILL leaves the previous cassette intact and loadable")
  func sigkillMidWrite() async throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "killed.json")
    let small = CassetteRecorder()
    _ = try await RecordingTransport(
      upstream: CannedTransport { _ in (200, [:], Data("before".utf8)) }, recorder: small
    ).send(URLRequest(url: URL(string: "http://127.0.0.1:9/before")!))
    try small.write(to: file)
    let path = file.path
    await #expect(processExitsWith: .signal(SIGKILL)) { [path = path as String] in
      let recorder = CassetteRecorder()
      let transport = RecordingTransport(
        upstream: CannedTransport { _ in
          (200, [:], Data(String(repeating: "x", count: 4000).utf8))
        }, recorder: recorder)
      for n in 0..<1000 {
        _ = try? await transport.send(URLRequest(url: URL(string: "http://h.example/\(n)")!))
      }
      // Kill during the third write (two have completed), without spinning a core.
      let written = DispatchSemaphore(value: 0)
      let thread = Thread {
        while true {
          _ = try? recorder.write(to: URL(fileURLWithPath: path))
          written.signal()
        }
      }
      thread.start()
      written.wait()
      written.wait()
      kill(getpid(), SIGKILL)
    }
    let cassette = try CassetteFile.load(from: file)
    // Two writes of the 1,000 completed before the kill: the file is the last of them.
    #expect(cassette.interactions.count == 1000)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.count <= 1)
  }
}
