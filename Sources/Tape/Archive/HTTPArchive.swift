import Foundation
import JSONTree

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Cassettes to and from HAR 1.2, the HTTP Archive format that browser devtools, Charles,
/// mitmproxy and other recorders write.
///
/// Export writes one entry per interaction, in order, with what HAR has no field for kept
/// in underscore fields, as other tools do: `_repeat` (the play count),
/// `_repeatOffsetsMilliseconds` (when each repeat was sent), `_offsetMilliseconds`,
/// `_redactions` and `_decodedFrom`. Import reads them back, so import, export, import
/// keeps every interaction, its order and its bytes. Entries from other tools need none of
/// them: the offset then comes from `startedDateTime`, the repeat count is 1.
public enum HTTPArchive {
  /// The HAR document of `cassette`.
  public static func export(_ cassette: Cassette, creator: String = "tape") -> JSONValue {
    let start = cassette.recordedAt.flatMap(parseDate) ?? Date(timeIntervalSince1970: 0)
    let entries = cassette.interactions.map { interaction in
      entry(interaction, startedAt: start.addingTimeInterval(seconds(interaction.offset)))
    }
    return .object([
      JSONMember(
        "log",
        .object([
          JSONMember("version", .string("1.2")),
          JSONMember(
            "creator",
            .object([JSONMember("name", .string(creator)), JSONMember("version", .string("1"))])),
          JSONMember("entries", .array(entries)),
        ]))
    ])
  }

  /// The cassette a HAR document holds; `file` names it in errors. Entries a browser saved
  /// without an answer (response status 0: blocked, cancelled, failed) are left out.
  public static func cassette(from document: JSONValue, file: String) throws(CassetteError)
    -> Cassette
  {
    try read(document, file: file).cassette
  }

  /// The cassette a HAR document holds, and the indices of the entries left out because no
  /// answer came (response status 0, as browsers save a blocked or cancelled request);
  /// `file` names the document in errors.
  public static func read(_ document: JSONValue, file: String) throws(CassetteError)
    -> (cassette: Cassette, unanswered: [Int])
  {
    let reader = HARReader(file: file)
    let log = try reader.object(document["log"], at: ["log"])
    let entries = try reader.array(log["entries"], at: ["log", "entries"])
    var interactions: [Interaction] = []
    var unanswered: [Int] = []
    var firstStart: Date?
    for (index, entry) in entries.enumerated() {
      let path = ["log", "entries", String(index)]
      if entry["response"]?["status"]?.numberLexeme == "0" {
        unanswered.append(index)
        continue
      }
      let interaction = try reader.interaction(entry, at: path, firstStart: &firstStart)
      interactions.append(interaction)
    }
    let recordedAt = firstStart.map { formatDate($0) }
    let cassette = Cassette(
      interactions: interactions, recordedAt: recordedAt,
      metadata: ["origin": "imported from HAR"])
    return (cassette, unanswered)
  }

  private static func entry(_ interaction: Interaction, startedAt: Date) -> JSONValue {
    let request = interaction.request
    let response = interaction.response
    var requestMembers = [
      JSONMember("method", .string(request.method)), JSONMember("url", .string(request.url)),
      JSONMember("httpVersion", .string("HTTP/1.1")),
      JSONMember("headers", headers(request.headers)),
      JSONMember("queryString", queryString(request.url)),
      JSONMember("cookies", .array([])), JSONMember("headersSize", .number("-1")),
      JSONMember("bodySize", .number("\(request.body?.data.count ?? 0)")),
    ]
    if let body = request.body {
      requestMembers.append(
        JSONMember(
          "postData",
          .object(
            [
              JSONMember("mimeType", .string(mimeType(of: body, headers: request.headers))),
              JSONMember("text", .string(text(of: body).text)),
            ] + (body.decodedFrom.map { [JSONMember("_decodedFrom", .string($0))] } ?? []))))
    }
    var content = [
      JSONMember("size", .number("\(response.body?.data.count ?? 0)")),
      JSONMember(
        "mimeType",
        .string(response.body.map { mimeType(of: $0, headers: response.headers) } ?? "")),
    ]
    if let body = response.body {
      let (text, isBase64) = text(of: body)
      content.append(JSONMember("text", .string(text)))
      if isBase64 { content.append(JSONMember("encoding", .string("base64"))) }
      if let encoding = body.decodedFrom {
        content.append(JSONMember("_decodedFrom", .string(encoding)))
      }
    }
    let milliseconds = Self.milliseconds(interaction.duration)
    return .object([
      JSONMember("startedDateTime", .string(formatDate(startedAt))),
      JSONMember("time", .number("\(milliseconds)")),
      JSONMember("request", .object(requestMembers)),
      JSONMember(
        "response",
        .object([
          JSONMember("status", .number("\(response.status)")),
          JSONMember(
            "statusText",
            .string(HTTPURLResponse.localizedString(forStatusCode: response.status))),
          JSONMember("httpVersion", .string("HTTP/1.1")),
          JSONMember("headers", headers(response.headers)), JSONMember("cookies", .array([])),
          JSONMember("content", .object(content)), JSONMember("redirectURL", .string("")),
          JSONMember("headersSize", .number("-1")),
          JSONMember("bodySize", .number("\(response.body?.data.count ?? 0)")),
        ])),
      JSONMember("cache", .object([])),
      JSONMember(
        "timings",
        .object([
          JSONMember("send", .number("0")), JSONMember("wait", .number("\(milliseconds)")),
          JSONMember("receive", .number("0")),
        ])),
      JSONMember("_repeat", .number("\(interaction.repeatCount)")),
      JSONMember(
        "_repeatOffsetsMilliseconds",
        .array(interaction.repeatOffsets.map { .number("\(Self.milliseconds($0))") })),
      JSONMember("_offsetMilliseconds", .number("\(Self.milliseconds(interaction.offset))")),
      JSONMember("_redactions", .array(interaction.redactions.map { .string($0) })),
    ])
  }

  private static func headers(_ fields: HeaderFields) -> JSONValue {
    .array(
      fields.map {
        .object([JSONMember("name", .string($0.name)), JSONMember("value", .string($0.value))])
      })
  }

  private static func queryString(_ url: String) -> JSONValue {
    let items = URLComponents(string: url)?.queryItems ?? []
    return .array(
      items.map {
        .object([
          JSONMember("name", .string($0.name)), JSONMember("value", .string($0.value ?? "")),
        ])
      })
  }

  /// A JSON body is `application/json` whatever the headers say, so import reads it as JSON.
  private static func mimeType(of body: RecordedBody, headers: HeaderFields) -> String {
    if case .json = body.content { return "application/json" }
    let declared = headers["Content-Type"] ?? ""
    if declared.lowercased().contains("json") { return "text/plain" }
    return declared.isEmpty ? "application/octet-stream" : declared
  }

  private static func text(of body: RecordedBody) -> (text: String, isBase64: Bool) {
    switch body.content {
    case .json(let tree): (tree.serialized(), false)
    case .text(let text): (text, false)
    case .base64(let bytes): (bytes.base64EncodedString(), true)
    }
  }

  static func milliseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
  }

  private static func seconds(_ duration: Duration) -> TimeInterval {
    Double(milliseconds(duration)) / 1000
  }

  static func formatDate(_ date: Date) -> String {
    date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
  }

  static func parseDate(_ text: String) -> Date? {
    (try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)))
      ?? (try? Date(text, strategy: .iso8601))
  }
}
