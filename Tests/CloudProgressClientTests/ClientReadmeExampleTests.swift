// The README's client example, as the README shows it (imports included), compiled and run
// (`ReadmeExampleTests.examplesAppearVerbatim` checks that the README's block is this one).

import CloudProgress
import CloudProgressClient
import Tape
import TapeTesting
import Testing

@Test(.cassette("check-task-polling"))
func pollATaskFromACassette() async throws {
  let tape = try #require(CassettePlayer.current)
  let client = ProgressClient(
    endpoints: ServiceEndpoints(region: "cn-north-4"),
    projectID: "0123456789abcdef0123456789abcdef",
    credentials: .token(Secret("recorded")),
    transport: tape.transport,
    clock: .immediate)
  var seen: [TaskProgress] = []
  for try await progress in client.poll(.check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")) {
    seen.append(progress)
  }
  #expect(seen.map(\.phase) == [.running, .running, .running, .succeeded])
  #expect(seen.last?.percent == 100)
}
