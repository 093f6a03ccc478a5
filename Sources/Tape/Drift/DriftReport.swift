/// How a recording's answers differ from the models, per API and JSON path: members the
/// models do not know, documented members that never came, undocumented enumerated values,
/// wire anomalies and answers that did not decode.
///
/// Every recording path builds it the same way: ``CassetteRecorder`` makes it when it
/// writes a cassette with a ``DriftInspector``, keeps it in the cassette's metadata (one
/// entry per API and path, sorted: a re-record that drifts differently changes exactly
/// those lines) and returns it in its summary, which prints it once at the end.
public struct DriftReport: Hashable, Sendable, CustomStringConvertible {
  /// The findings, sorted and without repeats.
  public var findings: [DriftFinding]
  /// The APIs whose answers were read, sorted (with findings or without).
  public var apis: [String]

  /// The metadata key of the summary line (`none`, `3 findings`); each finding's entry is
  /// keyed `drift <api> <path>`.
  public static let metadataKey = "drift"

  /// A report of these findings about the answers of `apis` (by default, those the findings
  /// name).
  public init(findings: [DriftFinding], apis: [String] = []) {
    self.findings = Array(Set(findings)).sorted()
    self.apis = Set(apis + findings.map(\.api)).sorted()
  }

  /// The report of the answers `readings` come from: their findings, and every documented
  /// member some answer could have held that none did.
  public init(_ readings: [AnswerReading]) {
    var findings = readings.flatMap(\.findings)
    var expected: [String: [String: String]] = [:]
    var came: [String: Set<String>] = [:]
    for reading in readings {
      expected[reading.api, default: [:]].merge(reading.expectedMembers) { first, _ in first }
      came[reading.api, default: []].formUnion(reading.shape.memberTypes.keys)
    }
    for (api, members) in expected {
      for (path, documentedType) in members where !(came[api]?.contains(path) ?? false) {
        findings.append(
          DriftFinding(api: api, path: path, kind: .missingMember, detail: documentedType))
      }
    }
    self.init(findings: findings, apis: readings.map(\.api))
  }

  /// Reads the report kept in `metadata`; nil when it holds none.
  public init?(metadata: [String: String]) {
    guard metadata[Self.metadataKey] != nil else { return nil }
    var findings: [DriftFinding] = []
    for (key, value) in metadata where key.hasPrefix(Self.entryPrefix) {
      let place = key.dropFirst(Self.entryPrefix.count)
      guard let space = place.firstIndex(of: " ") else { continue }
      let api = String(place[..<space])
      let path = String(place[place.index(after: space)...])
      for (kind, detail) in Self.statements(in: value) {
        findings.append(DriftFinding(api: api, path: path, kind: kind, detail: detail))
      }
    }
    self.init(findings: findings)
  }

  /// Whether the answers match the models.
  public var isEmpty: Bool { findings.isEmpty }

  /// `none`, `1 finding`, `3 findings`.
  public var headline: String {
    findings.isEmpty ? "none" : "\(findings.count) finding\(findings.count == 1 ? "" : "s")"
  }

  /// `metadata` with this report in place of any report it held.
  public func applied(to metadata: [String: String]) -> [String: String] {
    var result = metadata.filter {
      $0.key != Self.metadataKey && !$0.key.hasPrefix(Self.entryPrefix)
    }
    result[Self.metadataKey] = headline
    for finding in findings {
      let key = Self.entryPrefix + finding.api + " " + finding.path
      if let earlier = result[key] {
        result[key] = earlier + Self.separator + finding.statement
      } else {
        result[key] = finding.statement
      }
    }
    return result
  }

  /// The report as printed at the end of a recording: a heading, then one line a finding.
  public var description: String {
    guard !findings.isEmpty else { return "drift from the models: none" }
    return (["drift from the models (\(headline)):"] + findings.map { "  \($0)" })
      .joined(separator: "\n")
  }

  private static let entryPrefix = metadataKey + " "
  private static let separator = "; "

  /// The (kind, detail) pairs of one metadata entry; a detail that holds the separator is
  /// put back together.
  private static func statements(in value: String) -> [(DriftKind, String)] {
    var statements: [(DriftKind, String)] = []
    for piece in value.split(separator: separator, omittingEmptySubsequences: false) {
      if let kind = DriftKind.allCases.first(where: { piece.hasPrefix($0.rawValue + ": ") }) {
        statements.append((kind, String(piece.dropFirst(kind.rawValue.count + 2))))
      } else if !statements.isEmpty {
        statements[statements.count - 1].1 += separator + piece
      }
    }
    return statements
  }
}
