// swift-format-ignore-file: OrderedImports
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

import CloudProgress
import CloudProgressClient
import Foundation
import Tape
import TapeTesting
import Testing

/// Where a recording sends the cloud's requests: `tape simulate` here. Drop `upstream:` to
/// record against the cloud itself.
let standIn = StandInTransport(at: URL(string: "http://127.0.0.1:8080")!)

@Test(
  .cassette("quick-start/check-task", record: .once, upstream: standIn, redactor: .huaweiCloud))
func checkTaskSucceeds() async throws {
  let tape = try #require(CassettePlayer.current)
  let recording = tape.recording != nil
  let client = ProgressClient(
    endpoints: ServiceEndpoints(region: "cn-north-4"),
    projectID: "0123456789abcdef0123456789abcdef",
    // Recording signs in for real (the simulator's account here; yours from the
    // environment): the cassette keeps <PASSWORD> and no token, so any password replays.
    credentials: .password(user: "tape", password: "tape-simulator", domain: "tape"),
    transport: tape.transport,
    clock: recording ? .system : .immediate)  // a replay does not wait between polls
  var last: TaskProgress?
  for try await progress in client.poll(.check(taskID: "2b31ed520xxxxxxebedb6e57xxxxxxxx")) {
    last = progress
  }
  #expect(last?.phase == .succeeded)
}
