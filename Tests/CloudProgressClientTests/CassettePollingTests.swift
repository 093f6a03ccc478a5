import CloudProgress
import CloudProgressClient
import Foundation
import SeededRandom
import SimulatorTestSupport
import Tape
import TapeTesting
import Testing

/// The same polls as against the simulator, offline, answered by the package's cassettes
/// through Tape's replaying transport, on a virtual clock.
@Suite("Client: poll() replayed from the five cassettes")
struct CassettePollingTests {
  func client(_ tape: CassettePlayer, clock: ManualClock) -> ProgressClient {
    ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"), projectID: project,
      credentials: .token(Secret("replayed-token")), transport: tape.transport,
      clock: clock.clientClock)
  }

  @Test(.cassette("check-task-polling", unusedInteractions: .fail))
  func check() async throws {
    let tape = try #require(CassettePlayer.current)
    let clock = ManualClock()
    let snapshots = try await collect(
      client(tape, clock: clock).poll(
        .check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx"), policy: quickPolicy,
        random: SplitMix64(seed: 1)))
    #expect(snapshots.map(\.phase) == [.running, .running, .running, .succeeded])
    #expect(snapshots.map(\.percent) == [0, 0, 50, 100])
    #expect(clock.sleeps.count == 3)
  }

  @Test(.cassette("cpts-import-polling", unusedInteractions: .fail))
  func perfTest() async throws {
    let tape = try #require(CassettePlayer.current)
    let snapshots = try await collect(
      client(tape, clock: ManualClock()).poll(
        .cpts, policy: quickPolicy, random: SplitMix64(seed: 1)))
    #expect(snapshots.map(\.phase) == [.running, .running, .succeeded])
    #expect(snapshots.map(\.percent) == [0, 50, 100])
  }

  @Test(.cassette("insight-import-polling", unusedInteractions: .fail))
  func insight() async throws {
    let tape = try #require(CassettePlayer.current)
    var iterator = client(tape, clock: ManualClock()).poll(
      .insight(
        taskID: "2406a337-xxxx-a5b2-b01a61d2043b", workspaceID: "12913c92-xxxx-b8fd-a72af3945b61"),
      policy: quickPolicy, random: SplitMix64(seed: 1)
    ).makeAsyncIterator()
    var phases: [TaskProgress.Phase] = []
    while let progress = try await iterator.next() { phases.append(progress.phase) }
    #expect(phases == [.queued, .running, .succeeded])
    // create_date 9223372036854776000 is beyond Int64, yet documented: no anomaly, no error.
    #expect(iterator.wireAnomalies.isEmpty)
  }

  @Test(.cassette("quality-export-polling", unusedInteractions: .fail))
  func quality() async throws {
    let tape = try #require(CassettePlayer.current)
    let snapshots = try await collect(
      client(tape, clock: ManualClock()).poll(
        .quality(resourceID: "9f8e7d6c-0000-4000-8000-000000000002", workspace: "0a1b2c3d4e5f"),
        policy: quickPolicy, random: SplitMix64(seed: 1)))
    #expect(snapshots.map(\.phase) == [.queued, .running, .running, .succeeded])
  }

  @Test(.cassette("drs-template-progress", unusedInteractions: .fail))
  func drs() async throws {
    let tape = try #require(CassettePlayer.current)
    let client = client(tape, clock: ManualClock())
    let error = await #expect(throws: ProgressClientError.self) {
      _ = try await collect(
        client.poll(.drs(jobID: "00000000-0000-0000-0000-000000000000"), policy: quickPolicy))
    }
    #expect(error?.cloudError?.code == "DRS.10000010")
    let snapshots = try await collect(
      client.poll(
        .drs(jobID: "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"), policy: quickPolicy,
        random: SplitMix64(seed: 1)))
    #expect(snapshots.map(\.phase) == [.running, .succeeded])
  }

  @Test(
    "a dropped connection replayed from a cassette is retried",
    .cassette("check-task-polling", faults: [1: .droppedConnection]))
  func droppedConnectionRetried() async throws {
    let tape = try #require(CassettePlayer.current)
    let clock = ManualClock()
    let snapshots = try await collect(
      client(tape, clock: clock).poll(
        .check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx"), policy: quickPolicy,
        random: SplitMix64(seed: 1)))
    #expect(snapshots.last?.phase == .succeeded)
    #expect(snapshots.count == 3)
  }
}
