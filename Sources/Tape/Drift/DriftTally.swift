/// The drift report of answers read one at a time: what ``DriftReport/init(_:)`` makes of
/// a list of readings, folded as they come, so that `tape inspect` keeps the findings and
/// member names of a cassette's answers, not every answer's reading.
public struct DriftTally: Sendable {
  private var findings: Set<DriftFinding> = []
  private var expected: [String: [String: String]] = [:]
  private var came: [String: Set<String>] = [:]
  private var apis: Set<String> = []

  /// An empty tally.
  public init() {}

  /// Whether no reading was added.
  public var isEmpty: Bool { apis.isEmpty }

  /// Adds one answer's reading.
  public mutating func add(_ reading: AnswerReading) {
    findings.formUnion(reading.findings)
    expected[reading.api, default: [:]].merge(reading.expectedMembers) { first, _ in first }
    came[reading.api, default: []].formUnion(reading.shape.memberTypes.keys)
    apis.insert(reading.api)
  }

  /// The report of the readings added: their findings, and every documented member some
  /// answer could have held that none did.
  public var report: DriftReport {
    var all = Array(findings)
    for (api, members) in expected {
      for (path, documentedType) in members where !(came[api]?.contains(path) ?? false) {
        all.append(DriftFinding(api: api, path: path, kind: .missingMember, detail: documentedType))
      }
    }
    return DriftReport(findings: all, apis: Array(apis))
  }
}
