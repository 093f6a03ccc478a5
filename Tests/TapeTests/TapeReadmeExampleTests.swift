// swift-format-ignore-file: OrderedImports
// The README's Tape examples, each block as the README shows it (imports included), one
// after another at file scope, compiled and run; `ReadmeExampleTests` (in
// CloudProgressTests) checks that every README block appears in a file like this one.

import Foundation
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test func replaysWithoutTheTrait() async throws {
  let clock = VirtualClock()
  let file = URL(fileURLWithPath: #filePath)  // this test file, in Tests/<target>/
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "cassettes/check-task-polling.json")
  let player = try CassettePlayer(
    contentsOf: file,
    configuration: ReplayConfiguration(
      exhaustion: .fail, pacing: .recordedCadence, clock: ReplayClock(clock),
      faults: [1: .status(503)]))
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/"
      + "2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
  var statuses: [Int] = []
  for _ in 0..<4 {
    let (_, response) = try await player.transport.send(URLRequest(url: url))
    statuses.append(response.statusCode)
  }
  #expect(statuses == [200, 200, 503, 200])
  // The recorded cadence, on virtual time: the clock stands where the last answer was due.
  let last = try #require(player.cassette.interactions.last)
  #expect(clock.elapsed == last.offset + last.duration)
  #expect(clock.elapsed > .seconds(1))
}

import Foundation
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Test(
  .cassette(
    "check-task-polling",
    faults: [.request("GET", path: "/v2/tasks/*/progress"): FaultOverlay.status(503).onPlay(2)]
  ))
func secondPollIsRefused() async throws {
  let tape = try #require(CassettePlayer.current)
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/"
      + "2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
  var statuses: [Int] = []
  for _ in 0..<4 {
    let (_, response) = try await tape.transport.send(URLRequest(url: url))
    statuses.append(response.statusCode)
  }
  #expect(statuses == [200, 503, 200, 200])
}

import CloudProgress
import TapeTesting

@Suite("README examples: Tape")
struct TapeReadmeExampleTests {
  @Test(.cassette("check-task-polling"))
  func checkTaskFinishes() async throws {
    let tape = try #require(CassettePlayer.current)
    let session = tape.makeURLSession()
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
}

import CloudProgress
import Foundation
import HTTPTransportCore
import Tape
import TapeTesting
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Your poller: it takes its transport and its clock, so a test hands it a cassette's
/// transport and a virtual clock, and production `URLSession.shared` and `ContinuousClock()`.
func waitForCheckTask(
  _ url: URL, transport: any HTTPTransport, clock: some Clock<Duration>
) async throws -> TaskProgress {
  while true {
    let (body, _) = try await transport.send(URLRequest(url: url))
    let progress = try CheckTaskProgress(jsonData: body).taskProgress
    if progress.isTerminal { return progress }  // unknown is not terminal: keep polling
    try await clock.sleep(for: .seconds(10))
  }
}

// The quick start's cassette; its sign-in is not used by this poller.
@Test(.cassette("quick-start/check-task", unusedInteractions: .ignore))
func myPollerWaitsOnVirtualTime() async throws {
  let tape = try #require(CassettePlayer.current)
  let clock = VirtualClock()
  let url = URL(
    string: "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/"
      + "2b31ed520xxxxxxebedb6e57xxxxxxxx/progress")!
  let end = try await waitForCheckTask(url, transport: tape.transport, clock: clock)
  #expect(end.phase == .succeeded)
  #expect(clock.elapsed == .seconds(20))  // two waits of 10 s, and no real time passed
}
