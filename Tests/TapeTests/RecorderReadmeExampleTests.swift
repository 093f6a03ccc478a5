// swift-format-ignore-file: OrderedImports
// The README's recorder examples, each block as the README shows it (imports included), one
// after another at file scope, compiled and run; `ReadmeExampleTests` (in
// CloudProgressTests) checks that every README block appears in a file like this one.

import CloudProgress
import Foundation
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

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

import Foundation
import LoopbackHTTP
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test func recordsWithMyRedactionRules() async throws {
  let server = try HTTPServer.start { _ in  // stands in for the service
    .json(text: #"{"account": "acct-12345678", "data": [{"password": "p4ss"}]}"#)
  }
  defer { server.beginStop() }
  let url = URL(string: "\(server.baseURL)/v1/things?sig=abcdef123456")!
  let mySecretKey = "key-123"
  let cassetteFile = URL.temporaryDirectory.appending(path: "my-session-\(UUID()).json")
  defer { try? FileManager.default.removeItem(at: cassetteFile) }

  let redactor = Redactor.standard.adding(
    headerNames: ["X-Api-Key"], queryKeys: ["sig"], jsonPointers: ["/data/*/password"],
    patterns: [#"acct-[0-9]{8}"#])
  let recorder = CassetteRecorder(redactor: redactor, liveSecrets: [mySecretKey])
  let transport = RecordingTransport(upstream: URLSession.shared, recorder: recorder)
  var request = URLRequest(url: url)
  request.setValue(mySecretKey, forHTTPHeaderField: "X-Api-Key")
  _ = try await transport.send(request)
  let summary = try recorder.write(to: cassetteFile)
  print(summary)  // Tape recorded 1 interaction into /tmp/my-session-<uuid>.json (...)
  #expect(summary.recorded == 1)
  let cassette = try String(contentsOf: cassetteFile, encoding: .utf8)
  for secret in [mySecretKey, "abcdef123456", "acct-12345678", "p4ss"] {
    #expect(!cassette.contains(secret))
  }
}

import Foundation
import LoopbackHTTP
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test func scrubsAndRestoresTheProjectID() async throws {
  let server = try HTTPServer.start { request in  // stands in for the service: echoes the path
    .json(text: #"{"self": "\#(request.path)", "process_status": 1}"#)
  }
  defer { server.beginStop() }
  let myProjectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
  let cassetteFile = URL.temporaryDirectory.appending(path: "cpts-\(UUID()).json")
  defer { try? FileManager.default.removeItem(at: cassetteFile) }

  let project = TenantIdentifier(name: "project_id", value: myProjectID)
  let url = server.baseURL.appending(path: "v1/\(project.value)/test-suites/upload/processes")

  // Recording: every occurrence of the id is written as tenant-project_id-scrubbed.
  let recorder = CassetteRecorder(redactor: .standard.adding(tenantIdentifiers: [project]))
  let transport = RecordingTransport(upstream: URLSession.shared, recorder: recorder)
  _ = try await transport.send(URLRequest(url: url))
  try recorder.write(to: cassetteFile)
  let cassette = try String(contentsOf: cassetteFile, encoding: .utf8)
  #expect(!cassette.contains(myProjectID))
  #expect(cassette.contains("/v1/tenant-project_id-scrubbed/test-suites"))

  // Replay: a request carrying the id matches, and the answer carries it again.
  let player = try CassettePlayer(
    contentsOf: cassetteFile, configuration: ReplayConfiguration(tenantIdentifiers: [project]))
  let (body, _) = try await player.transport.send(URLRequest(url: url))
  #expect(String(decoding: body, as: UTF8.self).contains("/v1/\(myProjectID)/test-suites"))
}

import Foundation
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

let dropTrace = Redactor.CustomRule("drop X-Trace") { interaction in
  interaction.request.headers.set("X-Trace", to: nil)
}

@Test(
  .cassette(
    "check-task-polling", unusedInteractions: .ignore,
    redactor: .huaweiCloud.adding(customRules: [dropTrace])))
func replaysForAnyLiveToken() async throws {
  let tape = try #require(CassettePlayer.current)
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com"
      + "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
  var request = URLRequest(url: url)
  request.setValue("MIIlive-token", forHTTPHeaderField: "X-Auth-Token")  // any token replays
  request.setValue("trace-1", forHTTPHeaderField: "X-Trace")  // dropped by the custom rule
  let (_, response) = try await tape.makeURLSession().data(for: request)
  #expect((response as? HTTPURLResponse)?.statusCode == 200)
}
