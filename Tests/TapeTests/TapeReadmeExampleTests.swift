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
