import CloudProgress
import CloudProgressClient
import Foundation

/// Makes the sessions of a run: for each index, a ground truth the API can have and the
/// wire behaviour over it, drawn from a generator seeded by the run's seed, the API and the
/// index, so any one session can be made again alone.
///
/// What each API can say comes from its model (``AnswerRenderer`` builds every body from
/// the model types and reads it back through them); the generator picks the outcomes the
/// API documents and the traps it is known for.
public struct SessionGenerator: Sendable {
  /// The API.
  public var api: CloudAPI
  /// The run's seed.
  public var seed: UInt64

  /// A generator for `api`'s sessions under `seed`.
  public init(api: CloudAPI, seed: UInt64) {
    self.api = api
    self.seed = seed
  }

  /// The longest wait a generated session asks a poller for: a `Retry-After` of 120 s (an
  /// HTTP-date `Retry-After` asks up to 90 s; a slow answer holds its request up to 45 s).
  public static let longestWait: Duration = .seconds(120)

  /// The outcomes `api` documents.
  public static func outcomes(of api: CloudAPI) -> [GroundTruth.Outcome] {
    switch api {
    case .cpts, .insight: [.succeeded, .failed, .partiallySucceeded]
    case .quality: [.succeeded, .failed, .timedOut]
    case .drs: [.succeeded, .failed]
    case .check: [.succeeded, .failed, .stopped]
    }
  }

  /// Session `index`.
  public func session(_ index: Int) -> PollingSession {
    var random = SeededGenerator(
      seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03
        &+ UInt64(CloudAPI.allCases.firstIndex(of: api) ?? 0) &* 0x8CB9_2BA7_2F3D_8DD7)
    let truth = makeTruth(&random)
    var faults: [Scheduled<WireFault>] = []
    for _ in 0..<Self.count(&random, weights: [30, 30, 20, 12, 8]) {
      faults.append(makeFault(&random))
    }
    var twists: [Scheduled<BodyTwist>] = []
    for _ in 0..<Self.count(&random, weights: [35, 35, 20, 10]) {
      if let twist = makeTwist(&random) { twists.append(twist) }
    }
    return PollingSession(
      api: api, seed: seed, index: index, truth: truth, faults: faults, twists: twists)
  }

  private func makeTruth(_ random: inout SeededGenerator) -> GroundTruth {
    let queued = Bool.random(using: &random) ? 0 : Int.random(in: 1...30_000, using: &random)
    let running: Int? =
      Int.random(in: 0..<10, using: &random) == 0
      ? nil
      // Log-uniform from 1 s to about 40 minutes: most tasks are short, some outlast a deadline.
      : Int(1000 * Foundation.exp(Double.random(in: 0...7.8, using: &random)))
    var settling = 0
    if let running, api == .quality || api == .cpts, Int.random(in: 0..<10, using: &random) < 6 {
      settling = Int.random(in: 1...max(1, min(running, 90_000)), using: &random)
    }
    let stall: Int? =
      Int.random(in: 0..<4, using: &random) == 0
      ? [95, 99, 99, 100].randomElement(using: &random)
      : nil
    let outcomes = Self.outcomes(of: api)
    let outcome =
      Int.random(in: 0..<2, using: &random) == 0
      ? .succeeded : outcomes.randomElement(using: &random) ?? .succeeded
    return GroundTruth(
      queuedMilliseconds: queued, runningMilliseconds: running, settlingMilliseconds: settling,
      stallPercent: stall, outcome: outcome)
  }

  private func makeFault(_ random: inout SeededGenerator) -> Scheduled<WireFault> {
    let poll = Self.pollIndex(&random)
    let fault: WireFault
    var count = 1
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<22:
      let retryAfter: WireFault.RetryAfter =
        switch Int.random(in: 0..<3, using: &random) {
        case 0: .seconds([0, 1, 3, 7, 30, 120].randomElement(using: &random) ?? 3)
        case 1: .httpDate(secondsAhead: Int.random(in: 0...90, using: &random))
        default: .absent
        }
      fault = .throttled(retryAfter)
      count = Int.random(in: 1...6, using: &random)
    case 22..<42:
      let status = [500, 502, 503, 504].randomElement(using: &random) ?? 503
      let retryAfter =
        status == 503 && Bool.random(using: &random) ? Int.random(in: 1...20, using: &random) : nil
      fault = .serverError(status: status, retryAfterSeconds: retryAfter)
      count = Int.random(in: 1...4, using: &random)
    case 42..<45: fault = .notImplemented
    case 45..<55:
      fault = .droppedConnection
      count = Int.random(in: 1...3, using: &random)
    case 55..<62: fault = .truncatedBody
    case 62..<72:
      fault = .slowAnswer(milliseconds: Int.random(in: 500...45_000, using: &random))
      count = Int.random(in: 1...3, using: &random)
    case 72..<76: fault = .forbidden
    case 76..<86: fault = .tokenExpired
    case 86..<90: fault = .oversizedBody(bytes: Int.random(in: 65_536...1_048_576, using: &random))
    default:
      fault = .dateJump(
        seconds: [-86_400, -3_600, -61, 61, 3_600, 86_400 * 365].randomElement(using: &random)
          ?? 3_600)
      count = Int.random(in: 1...5, using: &random)
    }
    return Scheduled(poll: poll, count: count, effect: fault)
  }

  private func makeTwist(_ random: inout SeededGenerator) -> Scheduled<BodyTwist>? {
    let poll = Self.pollIndex(&random)
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<40:
      return Scheduled(
        poll: poll, count: Int.random(in: 1...8, using: &random),
        effect: .unknownStatus(variant: Int.random(in: 0..<3, using: &random)))
    case 40..<55:
      return Scheduled(
        poll: poll, count: Int.random(in: 1...3, using: &random), effect: .percentBack)
    case 55..<80:
      return Scheduled(
        poll: poll, count: Int.random(in: 1...10, using: &random),
        effect: .percentJump(Bool.random(using: &random) ? 99 : 100))
    case 80..<88:
      guard api == .check else { return nil }
      return Scheduled(poll: poll, count: Int.random(in: 1...5, using: &random), effect: .nullRatio)
    default:
      return Scheduled(poll: poll, count: Int.random(in: 1...20, using: &random), effect: .cosmetic)
    }
  }

  /// A poll index, most of them early (where short tasks still run).
  private static func pollIndex(_ random: inout SeededGenerator) -> Int {
    Int.random(in: 0..<4, using: &random) == 0
      ? Int.random(in: 0...40, using: &random) : Int.random(in: 0...8, using: &random)
  }

  /// A count drawn with these weights (index = count).
  private static func count(_ random: inout SeededGenerator, weights: [Int]) -> Int {
    var draw = Int.random(in: 0..<weights.reduce(0, +), using: &random)
    for (count, weight) in weights.enumerated() {
      if draw < weight { return count }
      draw -= weight
    }
    return 0
  }
}
