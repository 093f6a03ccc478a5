import CloudProgress
import Foundation
import LoopbackHTTP
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The README's recorder examples, compiled and run (blocks between the markers).
@Suite("Recorder examples")
struct RecorderReadmeExampleTests {
  // README block 1 (record mode per test) starts here.
  @Test(.cassette("check-task-polling", record: .once))
  func checkTaskFinishesOrRecords() async throws {
    let tape = try #require(CassettePlayer.current)
    let session = tape.makeURLSession()  // records when the cassette is missing
    let url = URL(
      string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/"
        + "2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
    var progress: TaskProgress
    repeat {
      let (data, _) = try await session.data(for: URLRequest(url: url))
      progress = try CheckTaskProgress(jsonData: data).taskProgress
    } while !progress.isTerminal
    #expect(progress.phase == .succeeded)
  }
  // README block 1 ends here.

  @Test("a recording transport with an extended redactor")
  func recordingTransportExample() async throws {
    let server = try HTTPServer.start { _ in
      .json(text: #"{"account":"acct-12345678","data":[{"password":"p4ss"}]}"#)
    }
    defer { server.beginStop() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = server.baseURL.appending(path: "v1/things").appending(queryItems: [
      URLQueryItem(name: "sig", value: "abcdef123456")
    ])
    let mySecretKey = "my-secret-key-value"
    let cassetteFile = folder.appending(path: "my-session.json")
    // README block 2 (recording transport) starts here.
    let redactor = Redactor.standard.adding(
      headerNames: ["X-Api-Key"], queryKeys: ["sig"], jsonPointers: ["/data/*/password"],
      patterns: [#"acct-[0-9]{8}"#])
    let recorder = CassetteRecorder(redactor: redactor, liveSecrets: [mySecretKey])
    let transport = RecordingTransport(upstream: URLSession.shared, recorder: recorder)
    var request = URLRequest(url: url)
    request.setValue("key-123", forHTTPHeaderField: "X-Api-Key")
    _ = try await transport.send(request)
    let summary = try recorder.write(to: cassetteFile)
    print(summary)  // Tape recorded 1 interaction into .../my-session.json (...)
    // README block 2 ends here.
    let text = try String(contentsOf: cassetteFile, encoding: .utf8)
    for secret in ["key-123", "abcdef123456", "acct-12345678", "p4ss"] {
      #expect(!text.contains(secret))
    }
    #expect(summary.recorded == 1)
  }

  @Test("the README's tenant scrub example records without the id and replays with it")
  func tenantScrubExample() async throws {
    let server = try HTTPServer.start { request in
      .json(text: #"{"self":"\#(request.path)","process_status":1}"#)
    }
    defer { server.beginStop() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cassetteFile = folder.appending(path: "cpts.json")
    let endpoint = server.baseURL
    let myProjectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    // README block (tenant scrub) starts here.
    let project = TenantIdentifier(name: "project_id", value: myProjectID)
    let url = endpoint.appending(path: "v1/\(project.value)/test-suites/upload/processes")

    // Recording: every occurrence of the id is written as tenant-project_id-scrubbed.
    let recorder = CassetteRecorder(redactor: .standard.adding(tenantIdentifiers: [project]))
    let transport = RecordingTransport(upstream: URLSession.shared, recorder: recorder)
    _ = try await transport.send(URLRequest(url: url))
    try recorder.write(to: cassetteFile)

    // Replay: a request carrying the id matches, and the answer carries it again.
    let player = try CassettePlayer(
      contentsOf: cassetteFile, configuration: ReplayConfiguration(tenantIdentifiers: [project]))
    let (body, _) = try await player.transport.send(URLRequest(url: url))
    // README block (tenant scrub) ends here.
    let file = try String(contentsOf: cassetteFile, encoding: .utf8)
    #expect(!file.contains(myProjectID))
    #expect(file.contains("/v1/tenant-project_id-scrubbed/test-suites"))
    #expect(String(decoding: body, as: UTF8.self).contains("/v1/\(myProjectID)/test-suites"))
  }
}
