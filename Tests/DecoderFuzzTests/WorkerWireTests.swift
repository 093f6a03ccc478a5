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
    ])
  func roundTrip(outcome: ExecutionOutcome) throws {
    let line = WorkerWire.line(outcome)
    #expect(line.hasSuffix("\n"))
    #expect(line.dropLast().contains("\n") == false)
    #expect(WorkerWire.outcome(fromLine: line.dropLast()) == outcome)
  }

  @Test("a frame is a little-endian length and the bytes")
  func frame() {
    #expect(WorkerWire.frame([0xAA, 0xBB]) == [2, 0, 0, 0, 0xAA, 0xBB])
    #expect(WorkerWire.frame(Array(repeating: 1, count: 258)).prefix(4) == [2, 1, 0, 0])
  }

  @Test("malformed lines are refused")
  func malformed() {
    #expect(WorkerWire.outcome(fromLine: "X\tsomething") == nil)
    #expect(WorkerWire.outcome(fromLine: "F\tnot-a-class\t-\tdetail") == nil)
    #expect(WorkerWire.outcome(fromLine: "A") == nil)
  }
}
