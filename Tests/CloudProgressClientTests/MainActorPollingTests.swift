import CloudProgress
import CloudProgressClient
import Foundation
import Tape
import TapeTesting
import Testing

/// Polling from the main actor compiles and runs in Swift 6 mode (the iterator is Sendable).
@Suite("Client: polling from the main actor")
struct MainActorPollingTests {
  @MainActor
  @Test(.cassette("cpts-import-polling"))
  func pollOnMainActor() async throws {
    let tape = try #require(CassettePlayer.current)
    let client = ProgressClient(
      endpoints: ServiceEndpoints(region: "cn-north-4"),
      projectID: "0123456789abcdef0123456789abcdef", credentials: .token(Secret("recorded")),
      transport: tape.transport, clock: .immediate)
    var phases: [TaskProgress.Phase] = []
    for try await progress in client.poll(.cpts) { phases.append(progress.phase) }
    #expect(phases == [.running, .running, .succeeded])
  }
}
