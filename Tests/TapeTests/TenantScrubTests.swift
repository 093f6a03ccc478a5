import Foundation
import JSONTree
import Synchronization
import Tape
import Testing

@testable import TapeTesting

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Tenant identifier scrub")
struct TenantScrubTests {
  static let projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
  static let workspaceID = "ws-7f3e9a1c5b"
  static let project = TenantIdentifier(name: "project_id", value: projectID)
  static let workspace = TenantIdentifier(name: "workspace_id", value: workspaceID)
  static let placeholder = "tenant-project_id-scrubbed"
  static let redactor = Redactor.standard.adding(tenantIdentifiers: [project, workspace])

  static func url(_ project: String) -> String {
    "https://cpts.cn-north-4.myhuaweicloud.com/v1/\(project)/test-suites/upload/processes"
      + "?owner=\(project)&limit=10"
  }

  /// The answer the upstream gives: the request's project id echoed in a JSON string, a key,
  /// a nested path, and a `Location` header; `Content-Length` as sent.
  static let upstream = CannedTransport { request in
    let project = request.url!.pathComponents[2]
    let body = Data(
      #"{"json":{"project_id":"\#(project)","links":["/v1/\#(project)/x"],"\#(project)":{"n":1}}}"#
        .utf8)
    return (
      200,
      [
        "Content-Type": "application/json", "Content-Length": String(body.count),
        "Location": "/v1/\(project)/test-suites/upload/processes/1",
      ], body
    )
  }

  /// The request a client configured with `project` sends.
  static func clientRequest(_ project: String, workspace: String = workspaceID) -> URLRequest {
    request(
      url(project), method: "POST",
      headers: [
        "Content-Type": "application/json", "X-Workspace-Id": workspace,
        "X-Project-Id": project, "X-Auth-Token": "MIIsecret-token-value-of-some-length",
      ],
      body: #"{"project":"\#(project)","note":"upload for \#(project)"}"#)
  }

  /// How many times `needle` occurs in `text`.
  static func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// Records one exchange of a client using the real ids and writes the cassette.
  static func recordedFile() async throws -> (file: URL, bytes: String) {
    let recorder = CassetteRecorder(redactor: redactor)
    _ = try await RecordingTransport(upstream: upstream, recorder: recorder)
      .send(clientRequest(projectID))
    let file = temporaryFolder().appending(path: "tenant.json")
    try recorder.write(to: file)
    return (file, try String(contentsOf: file, encoding: .utf8))
  }

  @Test("recording writes no occurrence of the ids, and the same placeholder in every place")
  func recordingScrubs() async throws {
    let (file, bytes) = try await Self.recordedFile()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    #expect(Self.occurrences(of: Self.projectID, in: bytes) == 0)
    #expect(Self.occurrences(of: Self.workspaceID, in: bytes) == 0)
    // Path, query, X-Project-Id, request body twice, response body three times, Location.
    #expect(Self.occurrences(of: Self.placeholder, in: bytes) == 9)
    #expect(Self.occurrences(of: "tenant-workspace_id-scrubbed", in: bytes) == 1)

    let cassette = try CassetteFile.load(from: file)
    let interaction = try #require(cassette.interactions.first)
    let p = Self.placeholder
    #expect(interaction.request.url == Self.url(p))
    #expect(interaction.request.headers["X-Project-Id"] == p)
    #expect(interaction.request.headers["X-Workspace-Id"] == "tenant-workspace_id-scrubbed")
    #expect(interaction.request.headers["X-Auth-Token"] == "<X_AUTH_TOKEN>")
    #expect(interaction.response.headers["Location"] == "/v1/\(p)/test-suites/upload/processes/1")
    #expect(
      interaction.request.body?.data
        == Data(#"{"project":"\#(p)","note":"upload for \#(p)"}"#.utf8))
    #expect(
      interaction.response.body?.data
        == Data(#"{"json":{"project_id":"\#(p)","links":["/v1/\#(p)/x"],"\#(p)":{"n":1}}}"#.utf8))
    #expect(
      interaction.redactions == [
        "request.body: tenant project_id", "request.header.X-Auth-Token",
        "request.header.X-Project-Id: tenant project_id",
        "request.header.X-Workspace-Id: tenant workspace_id", "request.url: tenant project_id",
        "response.body: tenant project_id", "response.header.Location: tenant project_id",
      ])
    // tape audit's scan does not take a placeholder for a secret.
    #expect(SecretScanner().scan(Data(bytes.utf8)).isEmpty)
    #expect(SecretScanner(redactor: Self.redactor).scan(Data(bytes.utf8)).isEmpty)
  }

  @Test(
    "each place a value can be is scrubbed on its own",
    arguments: [
      ("path", "https://h.example/v1/ID/jobs", [String: String](), nil as String?),
      ("query", "https://h.example/v1/jobs?project=ID", [:], nil),
      ("header", "https://h.example/v1/jobs", ["X-Project-Id": "ID"], nil),
      (
        "JSON string", "https://h.example/v1/jobs", ["Content-Type": "application/json"],
        #"{"a":"x/ID/y"}"#
      ),
      ("JSON key", "https://h.example/v1/jobs", ["Content-Type": "application/json"], #"{"ID":1}"#),
      ("text body", "https://h.example/v1/jobs", ["Content-Type": "text/plain"], "for ID."),
    ])
  func eachPlace(place: String, url: String, headers: [String: String], body: String?) async throws
  {
    let recorder = CassetteRecorder(redactor: Self.redactor)
    let upstream = CannedTransport { _ in (204, [:], Data()) }
    _ = try await RecordingTransport(upstream: upstream, recorder: recorder).send(
      request(
        url.replacingOccurrences(of: "ID", with: Self.projectID), method: "POST",
        headers: headers.mapValues { $0.replacingOccurrences(of: "ID", with: Self.projectID) },
        body: body?.replacingOccurrences(of: "ID", with: Self.projectID)))
    let bytes = String(decoding: CassetteFile.encode(recorder.cassette()), as: UTF8.self)
    #expect(!bytes.contains(Self.projectID), "the \(place) kept the project id")
    #expect(bytes.contains(Self.placeholder), "the \(place) has no placeholder")
  }

  @Test("a tenant id sent as a JSON number or inside a base64 body is seen by the scan")
  func numbersAndBase64() throws {
    let numeric = TenantIdentifier(name: "domain_id", value: "7301928374")
    let redactor = Redactor.standard.adding(tenantIdentifiers: [numeric])
    for body in [
      RecordedBody(.json(try JSONParser().parse(#"{"owner": {"domain": 7301928374}}"#))),
      RecordedBody(.base64(Data("log: domain 7301928374 imported".utf8))),
    ] {
      let cassette = Cassette(interactions: [
        Interaction(
          request: RecordedRequest(method: "GET", url: "https://h.example/a"),
          response: RecordedResponse(status: 200, body: body))
      ])
      let hits = SecretScanner(redactor: redactor).scan(CassetteFile.encode(cassette))
      #expect(
        hits.contains { $0.kind.hasPrefix("an unscrubbed tenant identifier 'domain_id'") },
        "\(hits)")
    }
  }

  @Test("the checks fire: a value planted back in the query or the body is seen, and no write")
  func plantedValueIsCaught() async throws {
    let recorder = CassetteRecorder(redactor: Self.redactor)
    _ = try await RecordingTransport(upstream: Self.upstream, recorder: recorder)
      .send(Self.clientRequest(Self.projectID))
    var planted = recorder.cassette()
    planted.interactions[0].request.url = Self.url(Self.placeholder)
      .replacingOccurrences(of: "owner=\(Self.placeholder)", with: "owner=\(Self.projectID)")
    planted.interactions[0].response.body = RecordedBody(.text("for \(Self.projectID)"))
    let bytes = String(decoding: CassetteFile.encode(planted), as: UTF8.self)
    #expect(Self.occurrences(of: Self.projectID, in: bytes) == 2)

    let hits = SecretScanner(redactor: Self.redactor).scan(Data(bytes.utf8))
    #expect(
      hits.map(\.description) == [
        "at /interactions/0/request/url: an unscrubbed tenant identifier 'project_id'",
        "at /interactions/0/response/body/text: an unscrubbed tenant identifier 'project_id'",
      ])
    // The recorder's scan refuses such a cassette (here: an unscrubbed one to append to).
    let file = temporaryFolder().appending(path: "planted.json")
    #expect {
      try recorder.write(to: file, appendingTo: planted)
    } throws: { error in
      "\(error)".contains("an unscrubbed tenant identifier 'project_id'")
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test("replay with the real id: the client's requests match and the answers carry the id")
  func replayRestoresRealID() async throws {
    let (file, _) = try await Self.recordedFile()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let player = try CassettePlayer(
      contentsOf: file,
      configuration: ReplayConfiguration(
        matchers: RequestMatcher.defaults + [.headers(["X-Project-Id", "X-Workspace-Id"])],
        tenantIdentifiers: [Self.project, Self.workspace]))
    let (body, response) = try await player.transport.send(Self.clientRequest(Self.projectID))
    let text = String(decoding: body, as: UTF8.self)
    #expect(Self.occurrences(of: Self.projectID, in: text) == 3)
    #expect(!text.contains("tenant-"))
    #expect(
      response.value(forHTTPHeaderField: "Location")
        == "/v1/\(Self.projectID)/test-suites/upload/processes/1")
    #expect(response.value(forHTTPHeaderField: "Content-Length") == String(body.count))
    #expect(player.failures.isEmpty)
  }

  @Test("replay with a real-looking id: a client configured with it matches and gets it back")
  func replayRestoresRealLookingID() async throws {
    let (file, _) = try await Self.recordedFile()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let stand = "ffffffffffffffffffffffffffffffff"
    let player = try CassettePlayer(
      contentsOf: file,
      configuration: ReplayConfiguration(
        tenantIdentifiers: [TenantIdentifier(name: "project_id", value: stand)]))
    let (body, _) = try await player.transport.send(Self.clientRequest(stand))
    #expect(Self.occurrences(of: stand, in: String(decoding: body, as: UTF8.self)) == 3)
  }

  @Test("replay without the option: placeholders served as they are; the real id matches nothing")
  func replayWithoutRestore() async throws {
    let (file, _) = try await Self.recordedFile()
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let player = try CassettePlayer(contentsOf: file)
    let (body, response) = try await player.transport.send(
      Self.clientRequest(Self.placeholder, workspace: "tenant-workspace_id-scrubbed"))
    let text = String(decoding: body, as: UTF8.self)
    #expect(Self.occurrences(of: Self.placeholder, in: text) == 3)
    #expect(!text.contains(Self.projectID))
    #expect(
      response.value(forHTTPHeaderField: "Location")
        == "/v1/\(Self.placeholder)/test-suites/upload/processes/1")

    let failure = await #expect(throws: ReplayFailure.self) {
      try await player.transport.send(Self.clientRequest(Self.projectID))
    }
    #expect(failure?.kind == .unmatched)
  }

  @Test("placeholders are distinct per name, URL- and JSON-safe, and never read inside another")
  func placeholders() async throws {
    let short = TenantIdentifier(name: "id", value: "abcd1234")
    let long = TenantIdentifier(name: "id_eu", value: "abcd1234ef")
    #expect(short.placeholder == "tenant-id-scrubbed")
    #expect(long.placeholder == "tenant-id_eu-scrubbed")
    #expect(
      TenantIdentifier(name: "domain id/x", value: "v").placeholder == "tenant-domain_id_x-scrubbed"
    )
    let unreserved = CharacterSet(
      charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    #expect(long.placeholder.unicodeScalars.allSatisfy(unreserved.contains))

    // The longer value wins where both start; the same identifiers restore the text.
    let redactor = Redactor(tenantIdentifiers: [short, long])
    let original = "abcd1234ef and abcd1234 and abcd12"
    let interaction = Interaction(
      request: RecordedRequest(method: "GET", url: "https://h.example/"),
      response: RecordedResponse(status: 200, body: RecordedBody(.text(original))))
    let scrubbed = redactor.redact(interaction)
    let stored = try #require(scrubbed.response.body?.data)
    #expect(
      String(decoding: stored, as: UTF8.self)
        == "tenant-id_eu-scrubbed and tenant-id-scrubbed and abcd12")
    let player = try CassettePlayer(
      cassette: Cassette(interactions: [scrubbed]), source: "memory",
      configuration: ReplayConfiguration(tenantIdentifiers: [short, long]))
    let (restored, _) = try await player.transport.send(request("https://h.example/"))
    #expect(String(decoding: restored, as: UTF8.self) == original)
  }
}

@Suite("Tenant identifier scrub in the cassette trait")
struct TenantScrubTraitTests {
  func runScope(
    _ trait: CassetteTrait, _ body: @escaping @Sendable () async throws -> Void
  ) async throws {
    let test = try #require(Test.current)
    try await trait.provideScope(for: test, testCase: Test.Case.current, performing: body)
  }

  @Test("the trait records scrubbed and replays with the id restored")
  func recordThenReplay() async throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tenants = [TenantScrubTests.project, TenantScrubTests.workspace]
    var recording = CassetteTrait.cassette(
      "tenant", upstream: TenantScrubTests.upstream, tenantIdentifiers: tenants)
    recording.environment = ["TAPE_RECORD": "once", "TAPE_CASSETTES": folder.path]
    let live = Mutex("")
    let said = Mutex<[String]>([])
    recording.announce = { text in said.withLock { $0.append(text) } }
    try await runScope(recording) {
      let tape = try #require(CassettePlayer.current)
      let (body, _) = try await tape.transport.send(
        TenantScrubTests.clientRequest(TenantScrubTests.projectID))
      live.withLock { $0 = String(decoding: body, as: UTF8.self) }
    }
    #expect(
      said.withLock { $0.map { $0.hasPrefix("Tape recorded 1 interaction into ") } } == [true])
    let bytes = try String(contentsOf: folder.appending(path: "tenant.json"), encoding: .utf8)
    #expect(!bytes.contains(TenantScrubTests.projectID))
    #expect(bytes.contains(TenantScrubTests.placeholder))

    var replay = CassetteTrait.cassette("tenant", tenantIdentifiers: tenants)
    replay.environment = ["TAPE_CASSETTES": folder.path]
    let replayed = Mutex("")
    try await runScope(replay) {
      let tape = try #require(CassettePlayer.current)
      let (body, _) = try await tape.transport.send(
        TenantScrubTests.clientRequest(TenantScrubTests.projectID))
      replayed.withLock { $0 = String(decoding: body, as: UTF8.self) }
    }
    for body in [live.withLock { $0 }, replayed.withLock { $0 }] {
      #expect(TenantScrubTests.occurrences(of: TenantScrubTests.projectID, in: body) == 3)
      #expect(!body.contains("tenant-"))
    }
  }
}

/// A compressed body stored as it came (base64) is inflated by the scan.
@Suite("Secret scanner: compressed bodies")
struct CompressedBodyScanTests {
  @Test("a password inside a gzip body stored as base64 is found")
  func gzipBody() throws {
    let compressed = gzipStored(Data(#"{"user": "u1", "password": "hunter2-correct"}"#.utf8))
    let cassette = Cassette(interactions: [
      Interaction(
        request: RecordedRequest(method: "GET", url: "https://h.example/a"),
        response: RecordedResponse(
          status: 200, headers: ["Content-Encoding": "gzip"],
          body: RecordedBody(.base64(compressed))))
    ])
    let hits = SecretScanner(redactor: .standard).scan(CassetteFile.encode(cassette))
    #expect(
      hits.map(\.description) == [
        "at /interactions/0/response/body/base64 (decoded, inflated, JSON) at /password: "
          + "an unredacted 'password' value"
      ])
  }
}
