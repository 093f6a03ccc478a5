import CloudProgress
import Foundation
import JSONTree
import Testing

/// A cosmetic field of any other type never fails the answer: it decodes, the progress
/// stays, the value is kept as a wire anomaly with its path, and encoding gives it back.
@Suite("Wire anomalies")
struct WireAnomalyTests {
  /// A field the progress does not depend on, with the JSON type it is documented as.
  struct CosmeticField: CustomTestStringConvertible, Sendable {
    let api: CloudAPI
    let path: [String]
    let documentedType: String
    var testDescription: String { "\(api) /\(path.joined(separator: "/"))" }
  }

  /// A documented answer of each API, every field present.
  static let answers: [CloudAPI: String] = [
    .cpts: #"""
    {"code":"SVCSTG.CPTS.0000000","message":"success","extend":"x","json":{"details":[{"id":1,"name":"p","status":0,"cause":""}],"process_status":0}}
    """#,
    .insight: #"""
    {"id":"i","name":"n","domain_id":"d","project_id":"p","workspace_id":"w","import_param":"x","obs_bucket":"b","obs_object_key":"k","import_detail":"Importing","status":4,"error_msg":"","import_type":"import","create_user":"u","create_user_name":"U","create_date":1,"update_date":2}
    """#,
    .quality: #"""
    {"id":"i","resource_id":"r","resource_type":"RULE_TEMPLATE","action":"EXPORT","file_name":"f.zip","start_time":"t0","end_time":"t1","status":"RUNNING","error_msg":"","project_id":"p","domain_id":"d","user_name":"u","export_resources":"e","import_body":"b","file_status":"PREPARING"}
    """#,
    .drs: #"{"send_success":true,"process_status":"success","parsed_success_number":"1"}"#,
    .check: #"{"task_status":0,"progress":{"ratio":"50%","info":"running"}}"#,
  ]

  static let fields: [CosmeticField] =
    [
      (CloudAPI.cpts, "code", "string"), (.cpts, "message", "string"), (.cpts, "extend", "string"),
      (.cpts, "json/details/0/id", "number"), (.cpts, "json/details/0/name", "string"),
      (.cpts, "json/details/0/cause", "string"),
      (.drs, "send_success", "boolean"), (.drs, "parsed_success_number", "string"),
      (.check, "progress/info", "string"),
    ].map {
      CosmeticField(
        api: $0.0, path: $0.1.split(separator: "/").map(String.init), documentedType: $0.2)
    }
    + [
      "id", "name", "domain_id", "project_id", "workspace_id", "import_param", "obs_bucket",
      "obs_object_key", "import_detail", "error_msg", "import_type", "create_user",
      "create_user_name",
    ].map { CosmeticField(api: .insight, path: [$0], documentedType: "string") }
    + ["create_date", "update_date"].map {
      CosmeticField(api: .insight, path: [$0], documentedType: "number")
    }
    + [
      "id", "resource_id", "resource_type", "action", "file_name", "start_time", "end_time",
      "error_msg", "project_id", "domain_id", "user_name", "export_resources", "import_body",
    ].map { CosmeticField(api: .quality, path: [$0], documentedType: "string") }

  /// Values of every JSON type but null.
  static let strangers: [JSONValue] = [
    .number("5"), .number("1e400"), .string("x"), .bool(true), .object([]),
    .array([.number("1")]),
  ]

  @Test("a value of another type is an anomaly; the progress and the bytes stay", arguments: fields)
  func cosmeticField(field: CosmeticField) throws {
    let original = try JSONParser().parse(try #require(Self.answers[field.api]))
    let expected = try field.api.decodeResponse(from: Data(original.serialized().utf8))
    #expect(expected.wireAnomalies.isEmpty)
    for stranger in Self.strangers where stranger.typeName != field.documentedType {
      let document = original.replacing(at: field.path, with: stranger)
      let model = try field.api.decodeResponse(from: Data(document.serialized().utf8))
      #expect(model.taskProgress.phase == expected.taskProgress.phase, "\(stranger)")
      #expect(model.taskProgress.percent == expected.taskProgress.percent, "\(stranger)")
      let anomaly = try #require(model.wireAnomalies.first, "\(stranger)")
      #expect(model.wireAnomalies.count == 1)
      #expect(anomaly.path == JSONPointer(tokens: field.path))
      #expect(anomaly.found == stranger)
      #expect(anomaly.readAs == Self.reading(of: stranger, as: field))
      let encoded = try JSONParser().parse(Array(try model.jsonData()))
      #expect(encoded.sortedMembers == document.sortedMembers, "\(stranger)")
    }
  }

  /// What a stranger is read as: only a bare integer where a numeric string is documented.
  static func reading(of stranger: JSONValue, as field: CosmeticField) -> String? {
    field.path == ["parsed_success_number"] && stranger == .number("5") ? #""5""# : nil
  }

  @Test("a timestamp sent as a numeric string is read and noted; a huge integer is no anomaly")
  func timestamps() throws {
    let task = try InsightImportTask(
      jsonData: Data(
        #"{"status":1,"create_date":"1700000000000","update_date":9223372036854776000}"#.utf8))
    #expect(task.createDate?.milliseconds == 1_700_000_000_000)
    #expect(
      task.wireAnomalies.map(\.description) == [
        #"/create_date: documented integer (epoch milliseconds), found string "1700000000000" (read as 1700000000000)"#
      ])
  }

  @Test("a progress field of a type no reading can take still fails, with its path")
  func progressFieldFails() throws {
    let cases: [(CloudAPI, String, String)] = [
      (.drs, #"{"process_status":{}}"#, "/process_status"),
      (.insight, #"{"status":[4]}"#, "/status"),
      (.quality, #"{"status":"SUCCESS","file_status":{}}"#, "/file_status"),
      (
        .cpts, #"{"json":{"details":[{"status":{}}],"process_status":0}}"#, "/json/details/0/status"
      ),
      (.check, #"{"task_status":[]}"#, "/task_status"),
    ]
    for (api, body, path) in cases {
      let error = try #require(throws: DecodingError.self) {
        try api.decodeResponse(from: Data(body.utf8))
      }
      guard case .typeMismatch(_, let context) = error else {
        Issue.record("\(api): \(error)")
        continue
      }
      #expect(JSONPointer(codingPath: context.codingPath).description == path)
    }
  }

  @Test("the projected value names the field's anomaly; setting the field clears it")
  func projectedValue() throws {
    var task = try InsightImportTask(jsonData: Data(#"{"status":1,"name":5}"#.utf8))
    #expect(task.name == nil)
    #expect(task.$name?.description == "/name: documented string, found number 5 (kept, not read)")
    task.name = "renamed"
    #expect(task.$name == nil)
    #expect(task.wireAnomalies.isEmpty)
    #expect(
      String(decoding: try task.jsonData(), as: UTF8.self) == #"{"name":"renamed","status":1}"#)
  }

  /// The fuzzer's finding `corpus/check/findings/6068c088038e644c.json`: 511 brackets, cut.
  static let truncatedDeepDocument = Data(
    (#"{"s":0,"":{"o":"# + String(repeating: "[", count: 511)).utf8)

  @Test("the safe entry point refuses the truncated deep document with a reason")
  func safeEntryPoint() throws {
    let error = try #require(throws: DecodingError.self) {
      try CheckTaskProgress(jsonData: Self.truncatedDeepDocument)
    }
    guard case .dataCorrupted(let context) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(context.debugDescription.contains("nest"))
  }

  @Test("bare JSONDecoder traps on the same document, as the README warns")
  func bareJSONDecoderTraps() async {
    await #expect(processExitsWith: .signal(SIGILL)) {
      _ = try? JSONDecoder().decode(
        CheckTaskProgress.self, from: WireAnomalyTests.truncatedDeepDocument)
    }
  }
}

extension JSONValue {
  /// A copy with the value at `path` (member names and array indices) set to `value`.
  fileprivate func replacing(at path: [String], with value: JSONValue) -> JSONValue {
    guard let token = path.first else { return value }
    let rest = Array(path.dropFirst())
    switch self {
    case .object(var members):
      if let index = members.firstIndex(where: { $0.key == token }) {
        members[index].value = members[index].value.replacing(at: rest, with: value)
      } else {
        members.append(JSONMember(token, JSONValue.null.replacing(at: rest, with: value)))
      }
      return .object(members)
    case .array(var elements):
      guard let index = Int(token), elements.indices.contains(index) else { return self }
      elements[index] = elements[index].replacing(at: rest, with: value)
      return .array(elements)
    default:
      return self
    }
  }

  /// The value with every object's members in key order, to compare regardless of order.
  fileprivate var sortedMembers: JSONValue {
    switch self {
    case .object(let members):
      .object(members.map { JSONMember($0.key, $0.value.sortedMembers) }.sorted { $0.key < $1.key })
    case .array(let elements): .array(elements.map(\.sortedMembers))
    default: self
    }
  }
}
