import CloudProgress
import PlantedPollerBugs
import PollingFuzz
import Testing

/// Sessions are reproducible from their seed and cover every fault and twist; every body
/// is built from the models and read back through them, and agrees with the ground truth.
@Suite("Polling fuzz: session generator")
struct SessionGeneratorTests {
  @Test("the same seed and index give the same session; another seed another")
  func reproducible() {
    let one = SessionGenerator(api: .check, seed: 11)
    #expect(
      (0..<50).map(one.session) == (0..<50).map(SessionGenerator(api: .check, seed: 11).session))
    #expect(
      (0..<50).map(one.session) != (0..<50).map(SessionGenerator(api: .check, seed: 12).session))
    #expect(
      (0..<50).map(one.session).map(\.truth)
        != (0..<50).map(SessionGenerator(api: .drs, seed: 11).session).map(\.truth))
  }

  @Test("a thousand sessions hold every fault, twist and outcome", arguments: CloudAPI.allCases)
  func coversEveryKind(_ api: CloudAPI) {
    let sessions = (0..<1000).map(SessionGenerator(api: api, seed: 3).session)
    let faults = Set(sessions.flatMap(\.faults).map { kind(of: $0.effect) })
    #expect(
      faults == [
        "throttled", "serverError", "notImplemented", "droppedConnection", "truncatedBody",
        "slowAnswer", "forbidden", "tokenExpired", "oversizedBody", "dateJump",
      ])
    let forms = Set(
      sessions.flatMap(\.faults).compactMap { fault -> String? in
        guard case .throttled(let form) = fault.effect else { return nil }
        return switch form {
        case .seconds: "seconds"
        case .httpDate: "date"
        case .absent: "absent"
        }
      })
    #expect(forms == ["seconds", "date", "absent"])
    let twists = Set(sessions.flatMap(\.twists).map { kind(of: $0.effect) })
    let expected: Set = ["unknownStatus", "percentBack", "percentJump", "cosmetic"]
    #expect(twists == expected.union(api == .check ? ["nullRatio"] : []))
    #expect(
      Set(sessions.map(\.truth.outcome)) == Set(SessionGenerator.outcomes(of: api)))
    #expect(sessions.contains { $0.truth.runningMilliseconds == nil })
    #expect(sessions.contains { $0.truth.stallPercent == 99 })
    if api == .quality || api == .cpts {
      #expect(sessions.contains { $0.truth.settlingMilliseconds > 0 })
    }
  }

  @Test(
    "what each answer shows agrees with the truth, but where a twist says otherwise",
    arguments: CloudAPI.allCases)
  func answersAgreeWithTheTruth(_ api: CloudAPI) async {
    // A poller that reads every answer until the end: the model's reading of untwisted
    // answers is terminal exactly when the truth is, with the truth's phase.
    for index in 0..<40 {
      var session = SessionGenerator(api: api, seed: 5).session(index)
      session.faults = []
      let verdict = await PollingFuzz.run(session, poller: correctPoller)
      for exchange in verdict.exchanges where exchange.kind == .poll {
        guard let shows = exchange.shows else { continue }
        if case .unknownStatus? = exchange.twist {
          #expect(shows == .unknown, "\(exchange)")
          continue
        }
        #expect(shows.isTerminal == exchange.truth.isTerminal, "\(session)\n\(exchange)")
        if shows.isTerminal { #expect(shows == exchange.truth, "\(exchange)") }
        #expect(shows != .unknown, "\(exchange)")
      }
    }
  }

  private func kind(of twist: BodyTwist) -> String {
    switch twist {
    case .unknownStatus: "unknownStatus"
    case .percentBack: "percentBack"
    case .percentJump: "percentJump"
    case .nullRatio: "nullRatio"
    case .cosmetic: "cosmetic"
    }
  }

  private func kind(of fault: WireFault) -> String {
    switch fault {
    case .throttled: "throttled"
    case .serverError: "serverError"
    case .notImplemented: "notImplemented"
    case .droppedConnection: "droppedConnection"
    case .truncatedBody: "truncatedBody"
    case .slowAnswer: "slowAnswer"
    case .forbidden: "forbidden"
    case .tokenExpired: "tokenExpired"
    case .oversizedBody: "oversizedBody"
    case .dateJump: "dateJump"
    }
  }
}
