/// How a recording's answers differ from the models, per API and JSON path: members the
/// models do not know, documented members that never came, undocumented enumerated values,
/// wire anomalies and answers that did not decode.
///
/// Every recording path builds it the same way: ``CassetteRecorder`` makes it when it
/// writes a cassette with a ``DriftInspector``, keeps it in the cassette's metadata (one
/// entry per API and kind, its paths sorted: a re-record that drifts differently changes
/// exactly those lines) and returns it in its summary, which prints it once at the end.
///
/// The path is in the entry's value, not its key: the scan before every write judges a
/// key by its name, and a key ending in `/access_token` would read as a secret field.
public struct DriftReport: Hashable, Sendable, CustomStringConvertible {
  /// The findings, sorted and without repeats.
  public var findings: [DriftFinding]
  /// The APIs whose answers were read, sorted (with findings or without).
  public var apis: [String]

  /// The metadata key of the summary line (`none`, `3 findings`); the findings of one API
  /// and kind are the entry `drift <api>: <kind>`, such as `"drift check: undocumented
  /// value": "/progress/info: \"paused\"; /task_status: 7"`.
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
    var tally = DriftTally()
    for reading in readings { tally.add(reading) }
    self = tally.report
  }

  /// Reads the report kept in `metadata`; nil when it holds none (a summary line of
  /// another form, as cassettes written before the entries had, counts as none).
  public init?(metadata: [String: String]) {
    guard let headline = metadata[Self.metadataKey], Self.isHeadline(headline) else {
      return nil
    }
    var findings: [DriftFinding] = []
    for (key, value) in metadata where key.hasPrefix(Self.entryPrefix) {
      let place = key.dropFirst(Self.entryPrefix.count)
      guard let colon = place.range(of: ": ") else { continue }
      let api = String(place[..<colon.lowerBound])
      guard let kind = DriftKind(rawValue: String(place[colon.upperBound...])) else { continue }
      for (path, detail) in Self.placedDetails(in: value) {
        findings.append(DriftFinding(api: api, path: path, kind: kind, detail: detail))
      }
    }
    self.init(findings: findings)
  }

  /// Whether `key` is a metadata key the report writes.
  public static func isMetadataKey(_ key: String) -> Bool {
    key == metadataKey || key.hasPrefix(entryPrefix)
  }

  /// Whether the answers match the models.
  public var isEmpty: Bool { findings.isEmpty }

  /// `none`, `1 finding`, `3 findings`.
  public var headline: String {
    findings.isEmpty ? "none" : "\(findings.count) finding\(findings.count == 1 ? "" : "s")"
  }

  /// `metadata` with this report in place of any report it held.
  public func applied(to metadata: [String: String]) -> [String: String] {
    var result = metadata.filter { !Self.isMetadataKey($0.key) }
    result[Self.metadataKey] = headline
    for finding in findings {  // sorted: by API, path, kind
      let key = Self.entryPrefix + finding.api + ": " + finding.kind.rawValue
      let entry = Self.escaping(finding.path, ":;") + ": " + Self.escaping(finding.detail, ";")
      result[key] = result[key].map { $0 + Self.separator + entry } ?? entry
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

  /// Whether `text` is a summary line this report writes: `none`, `1 finding`, `3 findings`.
  private static func isHeadline(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    return text == "none"
      || (words.count == 2 && Int(words[0]) != nil && ["finding", "findings"].contains(words[1]))
  }

  /// The (path, detail) pairs of one metadata entry. Entries are split at `; ` and a path
  /// from its detail at the first `: `: a path's `:` and `;` and a detail's `;` are written
  /// `%3A` and `%3B` (and `%` as `%25`), so a member name or a value holding them reads back
  /// as it was. An entry older cassettes kept unescaped, with a `; ` in its detail, is put
  /// back together.
  private static func placedDetails(in value: String) -> [(String, String)] {
    var placed: [(String, String)] = []
    for piece in value.split(separator: separator, omittingEmptySubsequences: false) {
      if piece.hasPrefix("/") || piece.hasPrefix("("), let colon = piece.range(of: ": ") {
        placed.append(
          (
            unescaping(piece[..<colon.lowerBound]),
            unescaping(piece[colon.upperBound...])
          ))
      } else if !placed.isEmpty {
        placed[placed.count - 1].1 += separator + unescaping(piece)
      }
    }
    return placed
  }

  /// `text` with `%` and each of `characters` written as `%` and two hexadecimal digits.
  private static func escaping(_ text: String, _ characters: String) -> String {
    guard text.contains(where: { $0 == "%" || characters.contains($0) }) else { return text }
    var result = ""
    for character in text {
      if character == "%" || characters.contains(character) {
        result += "%" + String(character.asciiValue!, radix: 16, uppercase: true)
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// `text` with the escapes ``escaping(_:_:)`` writes (`%25`, `%3A`, `%3B`) undone, and
  /// anything else kept as it is.
  private static func unescaping(_ text: Substring) -> String {
    guard text.contains("%") else { return String(text) }
    var result = ""
    var rest = text[...]
    while let percent = rest.firstIndex(of: "%") {
      result += rest[..<percent]
      let code = rest[percent...].prefix(3)
      switch code {
      case "%25": result += "%"
      case "%3A": result += ":"
      case "%3B": result += ";"
      default:
        result += "%"
        rest = rest[rest.index(after: percent)...]
        continue
      }
      rest = rest[rest.index(percent, offsetBy: 3)...]
    }
    return result + rest
  }
}
