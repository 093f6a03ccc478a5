import Foundation
import LoopbackHTTP
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The README's tenant scrub example, compiled and run (the block between the markers).
@Suite("Tenant scrub example")
struct TenantReadmeExampleTests {
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
