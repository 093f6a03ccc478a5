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
}
