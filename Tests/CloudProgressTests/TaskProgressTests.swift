import CloudProgress
import Testing

@Suite("TaskProgress")
struct TaskProgressTests {
  @Test(
    "percent is kept only within 0...100 and finite",
    arguments: [
      (0.0, 0.0 as Double?), (100, 100), (50.5, 50.5), (-0.1, nil), (100.01, nil), (.nan, nil),
      (.infinity, nil),
    ])
  func percentInvariant(given: Double, kept: Double?) {
    #expect(TaskProgress(phase: .running, percent: given).percent == kept)
  }

  @Test("terminal phases", arguments: TaskProgress.Phase.allCases)
  func terminalPhases(phase: TaskProgress.Phase) {
    let terminal: Set<TaskProgress.Phase> = [
      .succeeded, .failed, .partiallySucceeded, .stopped, .timedOut,
    ]
    #expect(phase.isTerminal == terminal.contains(phase))
  }

  @Test("an empty detail is no detail; the description reads phase, percent and detail")
  func description() {
    #expect(TaskProgress(phase: .failed, detail: "").detail == nil)
    #expect(
      TaskProgress(phase: .running, percent: 50, detail: "importing").description
        == "running 50%: importing")
    #expect(TaskProgress(phase: .queued).description == "queued")
  }
}
