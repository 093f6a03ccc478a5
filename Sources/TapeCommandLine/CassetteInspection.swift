import CloudDrift
import CloudProgress
import Foundation
import JSONTree
import Tape

/// What `tape inspect` shows of a cassette: each interaction, the polling sequences by
/// request with the progress the models read from them, and the redactions made.
struct CassetteInspection {
  /// One row of the interaction table.
  struct Row {
    var index: Int
    var method: String
    var path: String
    var status: Int
    var repeatCount: Int
    var offsetMilliseconds: Int64
    var body: String
  }

  /// The answers to one request (method and path), in the order they are played.
  struct Sequence {
    var request: String
    var api: CloudAPI?
    var steps: [(reading: String, repeatCount: Int)]
  }

  var file: String
  var rows: [Row] = []
  var sequences: [Sequence] = []
  var redactions: [(index: Int, field: String)] = []
  /// The answers, repeats counted.
  var answers = 0
  /// The cassette's metadata.
  var metadata: [String: String] = [:]
  /// The drift report the cassette keeps in its metadata, or, for one recorded without it,
  /// the report of its answers read now; nil when it holds no answer of the five APIs.
  var drift: DriftReport?
  /// Whether ``drift`` is the one kept in the cassette.
  var driftIsKept = false
  /// The readings of the answers so far, for a cassette that keeps no drift report.
  private var tally = DriftTally()
  /// The sequence of each request seen so far.
  private var byRequest: [String: Int] = [:]

  /// The inspection of a cassette held whole.
  init(_ cassette: Cassette, file: String) {
    self.init(file: file)
    for interaction in cassette.interactions { add(interaction) }
    finish(cassette)
  }

  /// An inspection to which interactions are added one by one (as they are read), then
  /// ``finish(_:)``.
  init(file: String) {
    self.file = file
  }

  /// Adds the next interaction.
  mutating func add(_ interaction: Interaction) {
    let index = rows.count
    let url = URL(string: interaction.request.url)
    let path = url.map { $0.path.isEmpty ? "/" : $0.path } ?? interaction.request.url
    let response = interaction.response
    rows.append(
      Row(
        index: index, method: interaction.request.method, path: path, status: response.status,
        repeatCount: interaction.repeatCount,
        offsetMilliseconds: Int64(interaction.offset.components.seconds) * 1000
          + interaction.offset.components.attoseconds / 1_000_000_000_000_000,
        body: Self.summary(of: response.body)))
    answers += interaction.repeatCount
    redactions += interaction.redactions.map { (index, $0) }
    let request = "\(interaction.request.method) \(path)"
    let sequence: Int
    if let known = byRequest[request] {
      sequence = known
    } else {
      sequence = sequences.count
      byRequest[request] = sequence
      let api = CloudAPI.allCases.first { $0.operation.path.match(path) != nil }
      sequences.append(Sequence(request: request, api: api, steps: []))
    }
    let reading = Self.reading(of: response, api: sequences[sequence].api)
    sequences[sequence].steps.append((reading, interaction.repeatCount))
    if let answer = DriftInspector.huaweiCloud.reading(of: interaction) { tally.add(answer) }
  }

  /// Ends the inspection with the rest of the cassette (its metadata; its interactions are
  /// those added).
  mutating func finish(_ cassette: Cassette) {
    metadata = cassette.metadata
    if let kept = DriftReport(metadata: cassette.metadata) {
      drift = kept
      driftIsKept = true
    } else {
      drift = tally.isEmpty ? nil : tally.report
      driftIsKept = false
    }
    tally = DriftTally()
  }

  /// `JSON object, 3 members, 63 bytes`, `text, 13 bytes`, `none`.
  static func summary(of body: RecordedBody?) -> String {
    guard let body else { return "none" }
    let size = "\(Self.size(of: body)) bytes"
    var kind: String
    switch body.content {
    case .json(.object(let members)): kind = "JSON object, \(members.count) members"
    case .json(.array(let elements)): kind = "JSON array, \(elements.count) elements"
    case .json(let value): kind = "JSON \(value.typeName)"
    case .text: kind = "text"
    case .base64: kind = "binary"
    }
    if let encoding = body.decodedFrom { kind += ", decoded from \(encoding)" }
    return "\(kind), \(size)"
  }

  /// The size of `body.data`, without making its text: the compact JSON of a tree is
  /// counted as bytes (through a `String` it was a fifth of the time of `tape inspect`).
  static func size(of body: RecordedBody) -> Int {
    switch body.content {
    case .json(let tree): body.wireText?.utf8.count ?? JSONWriter.bytes(of: tree).count
    case .text(let text): text.utf8.count
    case .base64(let bytes): bytes.count
    }
  }

  /// What the model of `api` reads from an answer: its progress, or its error.
  static func reading(of response: RecordedResponse, api: CloudAPI?) -> String {
    guard response.status < 400 else {
      return CloudError(
        httpStatus: response.status, requestID: nil, body: response.body?.data ?? Data()
      ).description
    }
    guard let api else { return "HTTP \(response.status)" }
    do {
      // A JSON body is decoded from its tree, which its bytes parse to.
      if case .json(let tree)? = response.body?.content {
        return try api.decodeResponse(from: tree).taskProgress.description
      }
      return try api.decodeResponse(from: response.body?.data ?? Data()).taskProgress.description
    } catch {
      return "does not decode as \(api.responseType): \(error)"
    }
  }

  /// The readable report.
  var text: String {
    var lines = [
      "\(file): \(rows.count) interaction\(rows.count == 1 ? "" : "s"), "
        + "\(answers) answer\(answers == 1 ? "" : "s") with repeats"
    ]
    // The drift entries have their own section below.
    let notes = metadata.filter { !DriftReport.isMetadataKey($0.key) }
    if !notes.isEmpty {
      lines.append(
        "metadata: "
          + notes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
          .joined(separator: ", "))
    }
    lines.append("")
    let table =
      [["#", "method", "path", "status", "repeat", "offset", "body"]]
      + rows.map { row in
        [
          "\(row.index)", row.method, row.path, "\(row.status)", "\(row.repeatCount)",
          "\(row.offsetMilliseconds) ms", row.body,
        ]
      }
    lines += Self.aligned(table)
    lines += ["", "polling sequences:"]
    for sequence in sequences {
      let api = sequence.api.map { " (\($0): \($0.operation.serviceName))" } ?? ""
      lines.append("  \(sequence.request)\(api)")
      for step in sequence.steps {
        lines.append("    \(step.reading)\(step.repeatCount > 1 ? " (x\(step.repeatCount))" : "")")
      }
    }
    lines += ["", "redactions:"]
    if redactions.isEmpty { lines.append("  none") }
    lines += redactions.map { "  #\($0.index) \($0.field)" }
    lines += ["", driftHeading]
    if let drift {
      lines += drift.findings.isEmpty ? ["  none"] : drift.findings.map { "  \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Says where the drift shown comes from.
  private var driftHeading: String {
    guard drift != nil else { return "drift: no answer of the five APIs" }
    return driftIsKept
      ? "drift (as recorded, from the metadata):"
      : "drift (not kept in this cassette; its answers read with the models now):"
  }

  /// The same as a JSON document.
  var json: JSONValue {
    .object([
      JSONMember("file", .string(file)),
      JSONMember(
        "interactions",
        .array(
          rows.map { row in
            .object([
              JSONMember("index", .number("\(row.index)")),
              JSONMember("method", .string(row.method)), JSONMember("path", .string(row.path)),
              JSONMember("status", .number("\(row.status)")),
              JSONMember("repeat", .number("\(row.repeatCount)")),
              JSONMember("offsetMilliseconds", .number("\(row.offsetMilliseconds)")),
              JSONMember("body", .string(row.body)),
            ])
          })),
      JSONMember(
        "sequences",
        .array(
          sequences.map { sequence in
            .object([
              JSONMember("request", .string(sequence.request)),
              JSONMember("api", sequence.api.map { .string($0.rawValue) } ?? .null),
              JSONMember(
                "answers",
                .array(
                  sequence.steps.map { step in
                    .object([
                      JSONMember("reading", .string(step.reading)),
                      JSONMember("repeat", .number("\(step.repeatCount)")),
                    ])
                  })),
            ])
          })),
      JSONMember(
        "redactions",
        .array(
          redactions.map {
            .object([
              JSONMember("index", .number("\($0.index)")), JSONMember("field", .string($0.field)),
            ])
          })),
      JSONMember(
        "drift",
        drift.map { drift in
          .object([
            JSONMember("kept", .bool(driftIsKept)),
            JSONMember(
              "findings",
              .array(
                drift.findings.map { finding in
                  .object([
                    JSONMember("api", .string(finding.api)),
                    JSONMember("path", .string(finding.path)),
                    JSONMember("kind", .string(finding.kind.rawValue)),
                    JSONMember("detail", .string(finding.detail)),
                  ])
                })),
          ])
        } ?? .null),
    ])
  }

  /// Rows padded into columns; the last column is not padded.
  private static func aligned(_ table: [[String]]) -> [String] {
    let widths = (0..<(table.first?.count ?? 0)).map { column in
      table.map { $0[column].count }.max() ?? 0
    }
    return table.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        if column > 0 { line += "  " }
        line += column == row.count - 1 ? cell : padded(cell, to: widths[column])
      }
      return trimmed(line)
    }
  }

  /// `cell` padded with spaces as `padding(toLength:withPad:startingAt:)` pads it (to a
  /// length in UTF-16 units), without its round trip through `NSString` for the cells
  /// whose characters are one unit each.
  private static func padded(_ cell: String, to width: Int) -> String {
    let units = cell.utf16.count
    guard units == cell.count, units <= width else {
      return cell.padding(toLength: width, withPad: " ", startingAt: 0)
    }
    return cell + String(repeating: " ", count: width - units)
  }

  /// `line` without white space at either end, asking Foundation only when there is some.
  private static func trimmed(_ line: String) -> String {
    guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last,
      CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
    else { return line }
    return line.trimmingCharacters(in: .whitespaces)
  }
}
