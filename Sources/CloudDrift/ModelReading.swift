import CloudProgress
import DecoderFuzz
import Foundation
import JSONTree
import Tape

/// One recorded answer of the five APIs read against the models: a successful JSON answer
/// is decoded with the API's model (the safe entry point) and walked against its documented
/// fields; an error answer gives its error code. Only paths, JSON types, documented types
/// and the values of enumerated fields and error codes are reported, never another value.
struct ModelReading {
  let reading: AnswerReading

  /// Reads `interaction`; nil when it is not one of the five APIs' requests, or its answer
  /// is neither a success nor an error (a redirect, an interim answer).
  init?(_ interaction: Interaction) {
    guard let api = CloudAPI(answering: interaction.request) else { return nil }
    let response = interaction.response
    switch response.status {
    case 200..<300:
      reading = Self.success(response.body, api: api)
    case 400...:
      let code = CloudError(
        httpStatus: response.status, requestID: nil, body: response.body?.data ?? Data()
      ).code
      reading = AnswerReading(
        api: api.rawValue,
        shape: AnswerShape(errorCodes: Set(code.map { [DriftValue.text(of: .string($0))] } ?? [])))
    default:
      return nil
    }
  }

  /// What a successful answer says about the models.
  private static func success(_ body: RecordedBody?, api: CloudAPI) -> AnswerReading {
    let name = api.rawValue
    guard let body, case .json(let document) = body.content else {
      let found =
        switch body?.content {
        case .text: "text"
        case .base64: "binary"
        default: "no body"
        }
      return AnswerReading(
        api: name,
        findings: [
          DriftFinding(api: name, path: "(root)", kind: .undecodable, detail: "not JSON: \(found)")
        ])
    }
    let fields = DocumentedFields(api)
    let shape = AnswerShape(of: document, trackedValues: fields.enumerations)
    var findings = unknownMembers(in: document, at: .root, fields: fields).map { path, type in
      DriftFinding(api: name, path: path, kind: .unknownMember, detail: type)
    }
    do {
      let model = try api.decodeResponse(from: document)
      findings += model.wireAnomalies.map { anomaly in
        let path = pattern(of: anomaly.path)
        // Only a scalar in an enumerated field is shown: an object or array there could
        // hold anything.
        guard fields.isEnumeration(path), anomaly.found.members == nil,
          anomaly.found.typeName != "array"
        else {
          return DriftFinding(
            api: name, path: path, kind: .wireAnomaly,
            detail: "documented \(anomaly.documentedType), found \(anomaly.found.typeName)")
        }
        let reading = anomaly.readAs.map { " (read as \($0))" } ?? ""
        return DriftFinding(
          api: name, path: path, kind: .undocumentedValue,
          detail: DriftValue.text(of: anomaly.found) + reading)
      }
    } catch {
      let summary = DecodingErrorSummary(error)
      let found = value(at: summary.pointer, in: document)?.typeName ?? "nothing"
      let detail =
        summary.kind == "keyNotFound"
        ? "\(summary.kind): \(summary.reason)"
        : summary.kind == "error"
          ? "not readable as \(api.responseType)"
          : "\(summary.kind): found \(found)"
      findings.append(
        DriftFinding(
          api: name, path: summary.pointer.tokens.isEmpty ? "(root)" : summary.pattern,
          kind: .undecodable, detail: detail))
    }
    var expected: [String: String] = [:]
    if document.members != nil {
      for (path, type) in fields.documentedTypes {
        let parent = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
        if parent.isEmpty || shape.memberTypes[String(parent)]?.contains("object") == true {
          expected[path] = type
        }
      }
    }
    return AnswerReading(api: name, findings: findings, expectedMembers: expected, shape: shape)
  }

  /// The members below `pointer` the documentation does not list, with their JSON types; a
  /// member inside an unknown one is not listed again.
  private static func unknownMembers(
    in value: JSONValue, at pointer: JSONPointer, fields: DocumentedFields
  ) -> [(String, String)] {
    switch value {
    case .object(let members):
      return members.flatMap { member -> [(String, String)] in
        let child = pointer.appending(member.key)
        guard let kind = fields.schema.kind(at: child) else {
          return [(pattern(of: child), member.value.typeName)]
        }
        guard kind == .object || kind == .array else { return [] }
        return unknownMembers(in: member.value, at: child, fields: fields)
      }
    case .array(let elements):
      return elements.indices.flatMap { index -> [(String, String)] in
        let child = pointer.appending(index)
        guard fields.schema.kind(at: child) == .object else { return [] }
        return unknownMembers(in: elements[index], at: child, fields: fields)
      }
    default:
      return []
    }
  }

  /// `pointer` with every array index written `*`, as the documented fields are keyed.
  private static func pattern(of pointer: JSONPointer) -> String {
    JSONPointer(
      tokens: pointer.tokens.map { token in
        !token.isEmpty && token.utf8.allSatisfy { (48...57).contains($0) } ? "*" : token
      }
    ).description
  }

  /// The value at `pointer` in `document`.
  private static func value(at pointer: JSONPointer, in document: JSONValue) -> JSONValue? {
    var current: JSONValue? = document
    for token in pointer.tokens {
      switch current {
      case .object: current = current?[token]
      case .array: current = Int(token).flatMap { current?[$0] }
      default: return nil
      }
    }
    return current
  }
}
