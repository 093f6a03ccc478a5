import Foundation
import JSONTree
import Testing

@testable import Tape

/// A run of identical polls is stored once, and still replays on the timeline it was
/// recorded on: a folded cassette and the unfolded one give the same arrivals.
@Suite("Folded runs keep their cadence")
struct FoldedCadenceTests {
  /// Thirty identical "running" polls 10 s apart, then the answer that the task is done.
  static func session() throws -> [Interaction] {
    let running = #"{"task_status": 0, "progress": {"ratio": "0%"}}"#
    let done = #"{"task_status": 2, "progress": {"ratio": "100%"}}"#
    return try (0...30).map { poll in
      try exchange(
        taskURL, json: poll == 30 ? done : running, offset: .seconds(10 * poll),
        duration: .milliseconds(250))
    }
  }

  @Test("folding keeps the offset of every repeat")
  func foldingKeepsOffsets() throws {
    let folded = RepeatFolding.fold(try Self.session())
    #expect(folded.map(\.repeatCount) == [30, 1])
    #expect(folded[0].repeatOffsets == (1..<30).map { .seconds(10 * $0) })
    #expect(folded[1].repeatOffsets == [])
    // Folding a folded cassette again, or onto another run, keeps them.
    #expect(RepeatFolding.fold(folded) == folded)
    let twice = RepeatFolding.fold([folded[0], folded[0]])
    #expect(twice[0].repeatOffsets.count == 59)
  }

  @Test("the cassette file keeps the offsets; a wrong count is an error naming the place")
  func fileRoundTrip() throws {
    let cassette = Cassette(interactions: RepeatFolding.fold(try Self.session()))
    let bytes = CassetteFile.encode(cassette)
    #expect(try CassetteFile.decode(bytes, file: "x.json") == cassette)
    var text = String(decoding: bytes, as: UTF8.self)
    text = text.replacing(#""repeat": 30"#, with: #""repeat": 31"#)
    #expect {
      try CassetteFile.decode(Data(text.utf8), file: "x.json")
    } throws: { error in
      "\(error)".contains("/interactions/0/repeatOffsetsMilliseconds")
        && "\(error)".contains("holds 29 offsets; a repeat of 31 needs 30")
    }
  }

  @Test("folded and unfolded cassettes replay on the same virtual timeline")
  func sameTimeline() async throws {
    var timelines: [[Duration]] = []
    for interactions in [try Self.session(), RepeatFolding.fold(try Self.session())] {
      let clock = VirtualClock()
      let tape = try player(
        interactions, ReplayConfiguration(pacing: .recordedCadence, clock: ReplayClock(clock)))
      var arrivals: [Duration] = []
      for _ in 0...30 {
        _ = try await tape.transport.send(request(taskURL))
        arrivals.append(clock.elapsed)
      }
      timelines.append(arrivals)
    }
    #expect(timelines[0] == (0...30).map { .seconds(10 * $0) + .milliseconds(250) })
    #expect(timelines[1] == timelines[0])
  }
}
