import CloudProgress
import DecoderFuzz
import Testing

@Suite("Polling sequence rules")
struct PollingSequenceRulesTests {
  @Test(
    "sequences a poller can rely on",
    arguments: [
      [
        TaskProgress(phase: .queued, percent: 0), .init(phase: .running, percent: 50),
        .init(phase: .succeeded, percent: 100), .init(phase: .succeeded, percent: 100),
      ],
      [
        .init(phase: .running, percent: 60), .init(phase: .running),
        .init(phase: .running, percent: 60),
      ],
      [.init(phase: .running, percent: 80), .init(phase: .failed, percent: 10)],
      [
        .init(phase: .running, percent: 80), .init(phase: .unknown),
        .init(phase: .running, percent: 90),
      ],
      [],
    ])
  func holds(sequence: [TaskProgress]) {
    #expect(PollingSequenceRules.violation(in: sequence) == nil)
  }

  @Test(
    "sequences that break a rule name the answers",
    arguments: [
      (
        [TaskProgress(phase: .succeeded, percent: 100), .init(phase: .running, percent: 100)],
        "terminal phase succeeded at answer 1 went back to running at answer 2"
      ),
      (
        [.init(phase: .failed), .init(phase: .succeeded)],
        "terminal phase failed at answer 1 went back to succeeded at answer 2"
      ),
      (
        [
          .init(phase: .running, percent: 50), .init(phase: .running),
          .init(phase: .running, percent: 20),
        ],
        "percent went down from 50.0 at answer 1 to 20.0 at answer 3 while running"
      ),
    ])
  func breaks(sequence: [TaskProgress], message: String) {
    #expect(PollingSequenceRules.violation(in: sequence) == message)
  }
}
