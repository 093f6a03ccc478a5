import Foundation
import JSONTree

extension Cassette {
  /// Reads a cassette from its JSON tree; `file` names it in errors.
  init(json: JSONValue, file: String) throws(CassetteError) {
    do {
      let root = try JSONObjectReader(json, at: .root, allowedKeys: Self.jsonKeys)
      let version = try root.integer("formatVersion", in: 1...Int.max)
      guard version <= Cassette.currentFormatVersion else {
        throw CassetteError(file: file, problem: .unsupportedFormatVersion(version))
      }
      let interactions = try root.array("interactions").enumerated().map {
        (index, element) throws(JSONObjectReader.Failure) in
        try Interaction(json: element, at: JSONPointer(tokens: ["interactions", String(index)]))
      }
      self.init(
        interactions: interactions, recordedAt: try root.optionalString("recordedAt"),
        metadata: root.has("metadata") ? try root.stringDictionary("metadata") : [:],
        formatVersion: version)
    } catch let failure as JSONObjectReader.Failure {
      throw CassetteError(file: file, problem: .invalidValue(failure.pointer, failure.reason))
    } catch let error as CassetteError {
      throw error
    } catch {
      throw CassetteError(file: file, problem: .inputOutput("\(error)"))
    }
  }

  /// The keys of a cassette's root object.
  static let jsonKeys: Set<String> = ["formatVersion", "recordedAt", "metadata", "interactions"]

  /// The cassette as a JSON tree.
  var json: JSONValue {
    var members = [
      JSONMember("formatVersion", .number(String(formatVersion))),
      JSONMember("interactions", .array(interactions.map(\.json))),
    ]
    if !metadata.isEmpty {
      members.append(
        JSONMember(
          "metadata",
          .envelope(metadata.map { JSONMember($0.key, .string($0.value)) })))
    }
    if let recordedAt { members.append(JSONMember("recordedAt", .string(recordedAt))) }
    return .envelope(members)
  }
}

extension Interaction {
  /// Reads an interaction from its JSON tree, found at `pointer` in its cassette.
  init(json: JSONValue, at pointer: JSONPointer) throws(JSONObjectReader.Failure) {
    let reader = try JSONObjectReader(
      json, at: pointer,
      allowedKeys: [
        "request", "response", "offsetMilliseconds", "durationMilliseconds", "repeat",
        "repeatOffsetsMilliseconds", "redacted",
      ])
    let milliseconds = 0...Int(Int32.max) * 1000
    let repeatCount = try reader.optionalInteger("repeat", in: 1...1_000_000) ?? 1
    var repeatOffsets: [Duration] = []
    if reader.has("repeatOffsetsMilliseconds") {
      let key = "repeatOffsetsMilliseconds"
      let list = try reader.array(key)
      guard list.count == repeatCount - 1 else {
        throw JSONObjectReader.Failure(
          pointer: pointer.appending(key),
          reason: "holds \(list.count) offsets; a repeat of \(repeatCount) needs \(repeatCount - 1)"
        )
      }
      for (index, element) in list.enumerated() {
        guard let lexeme = element.numberLexeme, let value = Int(lexeme),
          milliseconds.contains(value)
        else {
          throw JSONObjectReader.Failure(
            pointer: pointer.appending(key).appending(index),
            reason: "expected a whole number of milliseconds from 0, found \(element.serialized())")
        }
        repeatOffsets.append(.milliseconds(value))
      }
    }
    self.init(
      request: try RecordedRequest(
        json: try reader.value("request"), at: pointer.appending("request")),
      response: try RecordedResponse(
        json: try reader.value("response"), at: pointer.appending("response")),
      offset: .milliseconds(
        try reader.optionalInteger("offsetMilliseconds", in: milliseconds) ?? 0),
      duration: .milliseconds(
        try reader.optionalInteger("durationMilliseconds", in: milliseconds) ?? 0),
      repeatCount: repeatCount, repeatOffsets: repeatOffsets,
      redactions: reader.has("redacted") ? try reader.stringArray("redacted") : [])
  }

  fileprivate var json: JSONValue {
    var members = [
      JSONMember("request", request.json), JSONMember("response", response.json),
      JSONMember("offsetMilliseconds", .number(String(offset.wholeMilliseconds))),
      JSONMember("durationMilliseconds", .number(String(duration.wholeMilliseconds))),
    ]
    if repeatCount != 1 { members.append(JSONMember("repeat", .number(String(repeatCount)))) }
    if !repeatOffsets.isEmpty {
      members.append(
        JSONMember(
          "repeatOffsetsMilliseconds",
          .array(repeatOffsets.map { .number(String($0.wholeMilliseconds)) })))
    }
    if !redactions.isEmpty {
      members.append(JSONMember("redacted", .array(redactions.map(JSONValue.string))))
    }
    return .envelope(members)
  }
}

extension RecordedRequest {
  fileprivate init(json: JSONValue, at pointer: JSONPointer) throws(JSONObjectReader.Failure) {
    let reader = try JSONObjectReader(
      json, at: pointer, allowedKeys: ["method", "url", "headers", "body"])
    let url = try reader.string("url")
    guard let parsed = URL(string: url), parsed.scheme != nil, parsed.host != nil else {
      throw .init(pointer: pointer.appending("url"), reason: "'\(url)' is not an absolute URL")
    }
    let method = try reader.string("method")
    guard !method.isEmpty, method.unicodeScalars.allSatisfy(Self.tokenCharacters.contains) else {
      throw .init(
        pointer: pointer.appending("method"),
        reason: "expected an HTTP method such as GET, found '\(method)'")
    }
    self.init(
      method: method, url: url,
      headers: try HeaderFields(json: reader, at: pointer),
      body: try RecordedBody(json: reader, at: pointer))
  }

  /// The characters of an HTTP token (RFC 9110 `tchar`), which a method is made of.
  private static let tokenCharacters = Set(
    "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".unicodeScalars)

  fileprivate var json: JSONValue {
    var members = [
      JSONMember("method", .string(method)), JSONMember("url", .string(url)),
      JSONMember("headers", headers.json),
    ]
    if let body { members.append(JSONMember("body", body.json)) }
    return .envelope(members)
  }
}

extension RecordedResponse {
  fileprivate init(json: JSONValue, at pointer: JSONPointer) throws(JSONObjectReader.Failure) {
    let reader = try JSONObjectReader(
      json, at: pointer, allowedKeys: ["status", "headers", "body"])
    self.init(
      status: try reader.integer("status", in: 100...599),
      headers: try HeaderFields(json: reader, at: pointer),
      body: try RecordedBody(json: reader, at: pointer))
  }

  fileprivate var json: JSONValue {
    var members = [
      JSONMember("status", .number(String(status))), JSONMember("headers", headers.json),
    ]
    if let body { members.append(JSONMember("body", body.json)) }
    return .envelope(members)
  }
}

extension HeaderFields {
  fileprivate init(json reader: JSONObjectReader, at pointer: JSONPointer)
    throws(JSONObjectReader.Failure)
  {
    guard reader.has("headers") else {
      self.init()
      return
    }
    var fields: [Field] = []
    for (index, element) in try reader.array("headers").enumerated() {
      guard case .array(let pair) = element, pair.count == 2,
        let name = pair[0].stringValue, let value = pair[1].stringValue
      else {
        throw .init(
          pointer: pointer.appending("headers").appending(index),
          reason: "expected a [name, value] pair of strings, found \(element.serialized())")
      }
      fields.append(Field(name, value))
    }
    self.init(fields)
  }

  fileprivate var json: JSONValue {
    .array(canonicallySorted.fields.map { .array([.string($0.name), .string($0.value)]) })
  }
}

extension RecordedBody {
  fileprivate init?(json reader: JSONObjectReader, at pointer: JSONPointer)
    throws(JSONObjectReader.Failure)
  {
    guard reader.has("body") else { return nil }
    let bodyPointer = pointer.appending("body")
    let body = try JSONObjectReader(
      try reader.value("body"), at: bodyPointer,
      allowedKeys: ["json", "text", "base64", "decodedFrom", "wireText"])
    let forms = ["json", "text", "base64"].filter(body.has)
    guard forms.count == 1 else {
      throw .init(
        pointer: bodyPointer,
        reason: "expected exactly one of 'json', 'text' or 'base64', found \(forms.count)")
    }
    let decodedFrom = try body.optionalString("decodedFrom")
    if let decodedFrom, !Self.contentCodings.contains(decodedFrom) {
      let known = Self.contentCodings.sorted().joined(separator: ", ")
      throw .init(
        pointer: bodyPointer.appending("decodedFrom"),
        reason: "unknown content coding '\(decodedFrom)' (expected one of: \(known))")
    }
    switch forms[0] {
    case "json":
      let tree = try body.value("json")
      let wireText = try body.optionalString("wireText")
      if let wireText {
        guard (try? JSONParser().parse(Data(wireText.utf8))) == tree else {
          throw .init(
            pointer: bodyPointer.appending("wireText"),
            reason: "does not parse to the body's 'json' (same members, same order)")
        }
      }
      self.init(.json(tree), decodedFrom: decodedFrom, wireText: wireText)
    case "text": self.init(.text(try body.string("text")), decodedFrom: decodedFrom)
    default:
      guard let data = Data(base64Encoded: try body.string("base64")) else {
        throw .init(pointer: bodyPointer.appending("base64"), reason: "invalid base64")
      }
      self.init(.base64(data), decodedFrom: decodedFrom)
    }
  }

  /// The `Content-Encoding` values a body can have been stored decoded from.
  static let contentCodings: Set<String> = ["gzip", "deflate", "br"]

  fileprivate var json: JSONValue {
    var members: [JSONMember] =
      switch content {
      case .json(let tree): [JSONMember("json", tree)]
      case .text(let text): [JSONMember("text", .string(text))]
      case .base64(let data): [JSONMember("base64", .string(data.base64EncodedString()))]
      }
    if let decodedFrom { members.append(JSONMember("decodedFrom", .string(decodedFrom))) }
    if let wireText { members.append(JSONMember("wireText", .string(wireText))) }
    return .envelope(members)
  }
}

extension JSONValue {
  /// An object of the cassette's own structure, its members sorted by key: the file is
  /// written with the envelope's keys sorted and every body's members in the order the
  /// service sent them.
  fileprivate static func envelope(_ members: [JSONMember]) -> JSONValue {
    .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
  }
}

extension Duration {
  /// The duration in whole milliseconds, rounded down.
  var wholeMilliseconds: Int64 {
    components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
  }
}
