import CloudProgress
import CloudProgressClient
import CloudSimulator
import Foundation
import SeededRandom
import SimulatorTestSupport
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Records real sessions against the simulator with each kind of credential, stops it, and
/// replays the cassette offline: the same progress, and no credential byte anywhere.
@Suite("Recording against the simulator, replaying offline")
struct SimulatorRecordingTests {
  @Test(
    "token, password-token and AK/SK sessions record, replay to the same progress, leak nothing",
    arguments: [CredentialKind.token, .password, .accessKey])
  func recordThenReplay(kind: CredentialKind) async throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "sim-rec-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "check.json")
    let task = TaskReference.check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")
    let key = SimulatorScenario.defaultAccessKey
    let account = SimulatorScenario.defaultAccount
    let clock = ManualClock()
    var secrets = [key.accessKey, key.secretKey, account.password]
    let (live, summary, base) = try await withSimulator(.standard, clock: clock.simulatorClock) {
      simulator in
      let credentials = try await kind.credentials(for: simulator)
      if case .token(let token) = credentials { secrets.append(token.revealed) }
      // The password must not be a value the simulator also sends back (its OBS bucket is
      // "tape-simulator"): only the secrets this session used are live.
      let recorder = CassetteRecorder(liveSecrets: kind == .password ? [account.password] : [])
      let client = ProgressClient(
        endpoints: ServiceEndpoints(endpoint: simulator.baseURL), projectID: project,
        credentials: credentials,
        transport: RecordingTransport(upstream: URLSession.shared, recorder: recorder),
        clock: clock.clientClock)
      let progress = try await collect(
        client.poll(task, policy: quickPolicy, random: SplitMix64(seed: 1)))
      return (progress, try recorder.write(to: file), simulator.baseURL)
    }
    #expect(live.map(\.phase).last == .succeeded)

    let bytes = try Data(contentsOf: file)
    let text = String(decoding: bytes, as: UTF8.self)
    for secret in secrets {
      #expect(!text.contains(secret), "a \(kind) secret reached the cassette")
      #expect(!text.contains(Data(secret.utf8).base64EncodedString()))
      #expect(!summary.description.contains(secret))
    }
    let cassette = try CassetteFile.load(from: file)
    #expect(SecretScanner().scan(bytes).isEmpty)
    if kind == .password {
      let iam = try #require(cassette.interactions.first)
      #expect(iam.request.url.hasSuffix("/v3/auth/tokens"))
      #expect(iam.response.headers["X-Subject-Token"] == "<X_SUBJECT_TOKEN>")
      #expect(iam.redactions.contains("request.body/auth/identity/password/user/password"))
    }
    if kind == .accessKey {
      #expect(
        cassette.interactions.allSatisfy {
          $0.request.headers["Authorization"] == "<AUTHORIZATION>"
        })
    }

    // The simulator is gone: replay offline, with any token (auth headers are not matched).
    let player = try CassettePlayer(cassette: cassette, source: file.path)
    let offline = try await collect(
      ProgressClient(
        endpoints: ServiceEndpoints(endpoint: base), projectID: project,
        credentials: .token(Secret("replay")), transport: player.transport,
        clock: ManualClock().clientClock
      ).poll(task, policy: quickPolicy, random: SplitMix64(seed: 1)))
    #expect(offline == live)
    #expect(player.failures.isEmpty)
  }
}
