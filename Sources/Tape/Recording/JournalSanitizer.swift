import Foundation
import JSONTree

/// Makes a redacted interaction fit for the recording journal, by the same measure as the
/// write of a cassette: every live secret of the session known so far replaced where it
/// still appears (``LiveSecretIndex``: what the final write substitutes is substituted, what
/// its scan would refuse is withheld), then the line scanned, as text, for what the scan
/// before writing looks for besides live secrets (credential shapes, tenant values); a line
/// it finds one in is scanned again as a document, to say where, and withheld whole (only
/// the places and kinds of the hits are journaled). Unredacted secret headers and keys,
/// which the final scan also looks for, cannot be left: the line is the redactor's output.
struct JournalSanitizer: Sendable {
  private(set) var index = LiveSecretIndex()
  private let scanner: SecretScanner
  /// The redactor's verdicts on the names the scans of earlier lines met.
  private var verdicts = NameVerdicts()

  /// A sanitizer checking what it finds against `redactor`.
  init(redactor: Redactor) {
    scanner = SecretScanner(liveSecrets: [], redactor: redactor)
  }

  /// Adds secrets; returns the forms of those that were new.
  mutating func learn(_ secrets: some Sequence<String>) -> [[UInt8]] {
    secrets.flatMap { index.add($0) }
  }

  /// The journal line (with its newline) for `interaction` (already redacted by the rules),
  /// kept at `slot` of the cassette. The line is scanned as the text it is, by walking the
  /// tree it is written from (``SecretScanner/scan(textOf:at:verdicts:)``: the same hits,
  /// with no parse of the line).
  mutating func line(for interaction: Interaction, slot: Int) -> String {
    let cleaned = index.isEmpty ? interaction : replacingSecrets(in: interaction)
    let document = Cassette(interactions: [cleaned]).json
    let tree = Self.line(slot: slot, JSONMember("cassette", document))
    guard !scanner.scan(textOf: tree, at: "/", verdicts: &verdicts).isEmpty else {
      return Self.text(of: tree)
    }
    let line = Self.text(of: tree)
    var hits = scanner.scan(document).map(\.description)
    if hits.isEmpty { hits = scanner.scan(text: line, at: "/").map(\.description) }
    return Self.text(
      of: Self.line(slot: slot, JSONMember("withheld", .array(hits.map(JSONValue.string)))))
  }

  /// `{"slot":3,...}`.
  private static func line(slot: Int, _ entry: JSONMember) -> JSONValue {
    JSONValue.object([JSONMember("slot", .number(String(slot))), entry])
  }

  /// The compact text of a line, and a newline.
  private static func text(of line: JSONValue) -> String {
    var bytes = JSONWriter.bytes(of: line)
    bytes.append(UInt8(ascii: "\n"))
    return String(decoding: bytes, as: UTF8.self)
  }

  private func replacingSecrets(in interaction: Interaction) -> Interaction {
    var names: [String] = []
    var result = interaction
    func note(_ replaced: LiveSecretIndex.Replaced, _ place: String) {
      if replaced.substituted { names.append("\(place): live secret") }
      if replaced.withheld { names.append("\(place): withheld from the journal") }
    }
    var replaced = LiveSecretIndex.Replaced()
    result.request.url = index.apply(interaction.request.url, &replaced)
    note(replaced, "request.url")
    for (side, headers) in [
      ("request", \Interaction.request.headers), ("response", \.response.headers),
    ] {
      result[keyPath: headers] = HeaderFields(
        interaction[keyPath: headers].fields.map { field in
          var replaced = LiveSecretIndex.Replaced()
          let name = index.apply(field.name, &replaced)
          let value = index.apply(field.value, &replaced)
          note(replaced, "\(side).header.\(name)")
          return HeaderFields.Field(name, value)
        })
    }
    for (side, body) in [("request", \Interaction.request.body), ("response", \.response.body)] {
      guard let stored = interaction[keyPath: body] else { continue }
      var replaced = LiveSecretIndex.Replaced()
      let content: RecordedBody.Content =
        switch stored.content {
        case .json(let tree): .json(apply(tree, &replaced))
        case .text(let text): .text(index.apply(text, &replaced))
        case .base64(let data):
          // The scan reads the base64 text; a secret found there cannot be cut out of it.
          index.apply(data.base64EncodedString(), &replaced).containsBytes(
            of: WithheldSecret.marker)
            ? .text(WithheldSecret.marker) : stored.content
        }
      result[keyPath: body] = RecordedBody(
        content, decodedFrom: stored.decodedFrom, wireText: stored.wireText)
      note(replaced, "\(side).body")
    }
    guard !names.isEmpty else { return interaction }
    result.redactions = Array(Set(interaction.redactions + names)).sorted()
    return result
  }

  /// Strings and keys replaced; numbers, booleans and nulls kept.
  private func apply(_ json: JSONValue, _ replaced: inout LiveSecretIndex.Replaced) -> JSONValue {
    switch json {
    case .string(let text): .string(index.apply(text, &replaced))
    case .array(let elements): .array(elements.map { apply($0, &replaced) })
    case .object(let members):
      .object(
        members.map { JSONMember(index.apply($0.key, &replaced), apply($0.value, &replaced)) })
    default: json
    }
  }
}
