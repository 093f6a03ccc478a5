import DecoderFuzz
import Testing

@Suite("Worker protocol")
struct WorkerWireTests {
  @Test(
    "every outcome survives its answer line, tabs and newlines included",
    arguments: [
      ExecutionOutcome.accepted(signature: "running %"),
      .rejected(signature: "typeMismatch /json/details/0/id"),
      .finding(FindingReport(.trap, detail: "signal 4 (SIGILL): Fatal error\tline\n2\\")),
      .finding(FindingReport(.documentedRejected, path: "", detail: "root")),
      .finding(FindingReport(.cosmeticRejected, path: "/a\tb/ü", detail: "é\r\n\\t \u{1F600}\\")),
      .rejected(signature: "dataCorrupted " + String(repeating: "/*", count: 600)),
    ])
  func roundTrip(outcome: ExecutionOutcome) throws {
    let line = WorkerWire.line(outcome)
    #expect(line.hasSuffix("\n"))
    #expect(line.dropLast().contains("\n") == false)
    #expect(WorkerWire.outcome(fromLine: line.dropLast()) == outcome)
  }

  @Test("a frame is a little-endian length and the bytes")
  func frame() {
    var frames: [UInt8] = [9]
    WorkerWire.appendFrame([0xAA, 0xBB], to: &frames)
    #expect(frames == [9, 2, 0, 0, 0, 0xAA, 0xBB])
    #expect(WorkerWire.frame([0xAA, 0xBB]) == [2, 0, 0, 0, 0xAA, 0xBB])
    #expect(WorkerWire.frame(Array(repeating: 1, count: 258)).prefix(4) == [2, 1, 0, 0])
  }

  @Test("malformed lines are refused, well-formed ones read")
  func malformed() {
    #expect(WorkerWire.outcome(fromLine: "X\tsomething") == nil)
    #expect(WorkerWire.outcome(fromLine: "F\tnot-a-class\t-\tdetail") == nil)
    #expect(WorkerWire.outcome(fromLine: "A") == nil)
    #expect(WorkerWire.outcome(fromLine: "AB\tx") == nil)
    #expect(WorkerWire.outcome(fromLine: "F\ttrap\t-\ta\tb") == nil)
    #expect(
      WorkerWire.outcome(fromLine: "F\ttrap\t-\tdetail")
        == .finding(FindingReport(.trap, detail: "detail")))
    #expect(
      WorkerWire.outcome(fromLine: "R\tends in a backslash\\")
        == .rejected(signature: "ends in a backslash"))
  }
}
