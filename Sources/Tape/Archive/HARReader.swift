import Foundation
import JSONTree

/// Reads the parts of a HAR document a cassette needs, naming the file and the JSON path of
/// anything missing or of the wrong type. Members other tools add are ignored.
struct HARReader {
  let file: String

  func failure(_ path: [String], _ reason: String) -> CassetteError {
    CassetteError(file: file, problem: .invalidValue(JSONPointer(tokens: path), reason))
  }

  func object(_ value: JSONValue?, at path: [String]) throws(CassetteError) -> JSONValue {
    guard let value, value.members != nil else {
      throw failure(path, "expected an object, found \(value?.typeName ?? "nothing")")
    }
    return value
  }

  func array(_ value: JSONValue?, at path: [String]) throws(CassetteError) -> [JSONValue] {
    guard case .array(let elements)? = value else {
      throw failure(path, "expected an array, found \(value?.typeName ?? "nothing")")
    }
    return elements
  }

  func string(_ value: JSONValue?, at path: [String]) throws(CassetteError) -> String {
    guard let text = value?.stringValue else {
      throw failure(path, "expected a string, found \(value?.typeName ?? "nothing")")
    }
    return text
  }

  func integer(_ value: JSONValue?, at path: [String], default fallback: Int64? = nil)
    throws(CassetteError) -> Int64
  {
    if value == nil || value == .null, let fallback { return fallback }
    guard let lexeme = value?.numberLexeme else {
      throw failure(path, "expected a number, found \(value?.typeName ?? "nothing")")
    }
    if let integer = Int64(lexeme) { return integer }
    if let number = Double(lexeme), number.isFinite, abs(number) < 9e15 { return Int64(number) }
    throw failure(path, "\(lexeme) is not a whole number of milliseconds")
  }

  func headers(_ value: JSONValue?, at path: [String]) throws(CassetteError) -> HeaderFields {
    var fields: [HeaderFields.Field] = []
    for (index, field) in try array(value, at: path).enumerated() {
      let fieldPath = path + [String(index)]
      fields.append(
        HeaderFields.Field(
          try string(field["name"], at: fieldPath + ["name"]),
          try string(field["value"], at: fieldPath + ["value"])))
    }
    return HeaderFields(fields)
  }

  /// A body from `text`, `encoding` and `mimeType`: JSON when the type says so and it parses.
  func body(_ value: JSONValue, at path: [String]) throws(CassetteError) -> RecordedBody? {
    guard let textValue = value["text"], textValue != .null else { return nil }
    let text = try string(textValue, at: path + ["text"])
    let decodedFrom = value["_decodedFrom"]?.stringValue
    if value["encoding"]?.stringValue == "base64" {
      guard let bytes = Data(base64Encoded: text) else {
        throw failure(path + ["text"], "is not valid base64")
      }
      return RecordedBody(.base64(bytes), decodedFrom: decodedFrom)
    }
    let mimeType = value["mimeType"]?.stringValue ?? ""
    if mimeType.lowercased().contains("json"), let tree = try? JSONParser().parse(text) {
      return RecordedBody(.json(tree), decodedFrom: decodedFrom)
    }
    return RecordedBody(.text(text), decodedFrom: decodedFrom)
  }

  func interaction(_ entry: JSONValue, at path: [String], firstStart: inout Date?)
    throws(CassetteError) -> Interaction
  {
    _ = try object(entry, at: path)
    let request = try object(entry["request"], at: path + ["request"])
    let response = try object(entry["response"], at: path + ["response"])
    let requestPath = path + ["request"]
    let responsePath = path + ["response"]
    let method = try string(request["method"], at: requestPath + ["method"])
    guard !method.isEmpty else { throw failure(requestPath + ["method"], "is empty") }
    let url = try string(request["url"], at: requestPath + ["url"])
    let status = try integer(response["status"], at: responsePath + ["status"])
    guard (100...599).contains(status) else {
      throw failure(responsePath + ["status"], "\(status) is not an HTTP status")
    }
    let content = try object(response["content"], at: responsePath + ["content"])
    let requestBody = try request["postData"].map { (postData) throws(CassetteError) in
      try body(postData, at: requestPath + ["postData"])
    }
    let started = try string(entry["startedDateTime"], at: path + ["startedDateTime"])
    guard let startDate = HTTPArchive.parseDate(started) else {
      throw failure(path + ["startedDateTime"], "'\(started)' is not an ISO 8601 date")
    }
    if firstStart == nil { firstStart = startDate }
    let fallbackOffset = Int64(startDate.timeIntervalSince(firstStart ?? startDate) * 1000)
    let offset = try integer(
      entry["_offsetMilliseconds"], at: path + ["_offsetMilliseconds"], default: fallbackOffset)
    let time = try integer(entry["time"], at: path + ["time"], default: 0)
    let repeatCount = try integer(entry["_repeat"], at: path + ["_repeat"], default: 1)
    guard repeatCount >= 1 else { throw failure(path + ["_repeat"], "must be 1 or more") }
    var repeatOffsets: [Duration] = []
    if let list = entry["_repeatOffsetsMilliseconds"] {
      let listPath = path + ["_repeatOffsetsMilliseconds"]
      for (index, value) in try array(list, at: listPath).enumerated() {
        repeatOffsets.append(
          .milliseconds(max(0, try integer(value, at: listPath + [String(index)]))))
      }
      guard repeatOffsets.isEmpty || repeatOffsets.count == repeatCount - 1 else {
        throw failure(
          listPath,
          "holds \(repeatOffsets.count) offsets; _repeat \(repeatCount) needs \(repeatCount - 1)")
      }
    }
    var redactions: [String] = []
    if let list = entry["_redactions"] {
      for (index, value) in try array(list, at: path + ["_redactions"]).enumerated() {
        redactions.append(try string(value, at: path + ["_redactions", String(index)]))
      }
    }
    return Interaction(
      request: RecordedRequest(
        method: method, url: url,
        headers: try headers(request["headers"], at: requestPath + ["headers"]),
        body: requestBody ?? nil),
      response: RecordedResponse(
        status: Int(status),
        headers: try headers(response["headers"], at: responsePath + ["headers"]),
        body: try body(content, at: responsePath + ["content"])),
      offset: .milliseconds(max(0, offset)), duration: .milliseconds(max(0, time)),
      repeatCount: Int(repeatCount), repeatOffsets: repeatOffsets, redactions: redactions)
  }
}
