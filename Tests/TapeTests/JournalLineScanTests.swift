import Foundation
import JSONTree
import Testing

@testable import Tape

/// The journal scans each line by walking the tree the line is written from
/// (``SecretScanner/scan(textOf:at:verdicts:)``), not by parsing the line again, and keeps the
/// redactor's verdicts on names from one line to the next (``NameVerdicts``): neither may
/// change what the scan finds.
@Suite("The journal's scan of a line")
struct JournalLineScanTests {
  /// A journal line's tree for `interaction`, as ``JournalSanitizer`` makes it.
  static func line(_ interaction: Interaction, slot: Int) -> JSONValue {
    .object([
      JSONMember("slot", .number(String(slot))),
      JSONMember("cassette", Cassette(interactions: [interaction]).json),
    ])
  }

  /// Lines holding every kind of secret in every place (unredacted), then the same
  /// exchanges redacted, and documents nested in strings and bodies.
  static func lines() throws -> [JSONValue] {
    var lines: [JSONValue] = []
    for secret in LiveSecret.allCases {
      for place in SecretPlace.allCases {
        let (raw, _) = try place.exchange(carrying: secret)
        lines.append(line(raw, slot: lines.count))
        lines.append(line(Redactor.huaweiCloud.redact(raw), slot: lines.count))
      }
    }
    let token = "MIIBkjCCATygAwIBAgIJAKwEXAMPLETOKEN000000000000"
    let nested = #"{"auth":{"token":"\#(token)"},"url":"https://u:pw0rd@h/x?sig=1"}"#
    let doubly = Data(#"{"inner":"\#(nested.replacingOccurrences(of: "\"", with: "\\\""))"}"#.utf8)
    let bodies: [RecordedBody] = [
      RecordedBody(.text(nested)),
      RecordedBody(.base64(Data(nested.utf8))),
      RecordedBody(.base64(doubly)),
      RecordedBody(.text(doubly.base64EncodedString())),
      RecordedBody(.text("Authorization: Basic dXNlcjpodW50ZXIy\nX-Note: ok")),
      try RecordedBody(
        .json(JSONParser().parse(#"{"project_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9"}"#))),
      try RecordedBody(
        .json(
          JSONParser().parse(
            #"{"a":{"b":{"c":{"d":{"e":"\#(nested.replacingOccurrences(of: "\"", with: "\\\""))"}}}}}"#
          ))),
    ]
    for body in bodies {
      let interaction = Interaction(
        request: RecordedRequest(
          method: "POST", url: "https://api.example/v1/x?limit=1",
          headers: [
            "Authorization ": "Bearer abcdef0123456789abcdef", "Content-Type": "text/plain",
          ],
          body: body),
        response: RecordedResponse(status: 200, headers: ["Content-Type": "application/json"]))
      lines.append(line(interaction, slot: lines.count))
    }
    return lines
  }

  @Test("walking the line's tree finds what scanning its text finds, hit for hit")
  func sameHits() throws {
    let redactor = Redactor.huaweiCloud.adding(tenantIdentifiers: [
      TenantIdentifier(name: "project_id", value: "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
    ])
    let scanner = SecretScanner(liveSecrets: [], redactor: redactor)
    // One memo of names for every line, as the journal keeps it.
    var verdicts = NameVerdicts()
    var found = 0
    for line in try Self.lines() {
      let text = line.serialized()
      let walked = scanner.scan(textOf: line, at: "/", verdicts: &verdicts)
      let parsed = scanner.scan(text: text, at: "/")
      #expect(walked == parsed, "\(text)")
      if !parsed.isEmpty { found += 1 }
    }
    // The lines are made to hold secrets: a scan that found nothing would prove nothing.
    #expect(found >= 62)
  }

  @Test("the memo of names gives the redactor's verdicts, however many names it has seen")
  func verdictsAsTheRedactorSays() {
    let redactor = Redactor.huaweiCloud
    var verdicts = NameVerdicts()
    let names = ["password", "Content-Type", "X-Auth-Token", " Authorization ", "task_status"]
    for round in 0..<3 {
      for index in 0..<(NameVerdicts.capacity + 10) {
        let name = index < names.count ? names[index] : "key\(index)_\(round)"
        #expect(verdicts.secrecy(ofKey: name, redactor) == redactor.secrecy(ofKey: name))
        #expect(
          verdicts.isSecretHeader(name, redactor)
            == redactor.isSecretHeader(name.trimmingCharacters(in: .whitespaces)))
      }
    }
  }
}
