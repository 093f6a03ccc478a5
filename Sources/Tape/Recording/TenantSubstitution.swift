import Foundation
import JSONTree

/// Replaces tenant identifiers by their placeholders (``scrubbing(_:)``) or placeholders by
/// values (``restoring(_:)``), in one left-to-right pass over each string: at each position
/// the longest match wins and what was put in is never looked at again, so a value that
/// happens to occur inside a placeholder (or the other way round) cannot be replaced twice.
///
/// Matching is on UTF-8 bytes, which is exact for whole strings: a match of valid UTF-8 in
/// valid UTF-8 always starts and ends on a character boundary.
struct TenantSubstitution: Sendable {
  private struct Rule: Sendable {
    var target: [UInt8]
    var replacement: [UInt8]
    var name: String
  }

  /// Longest target first.
  private let rules: [Rule]
  /// Whether some rule's target starts with the byte: most positions are skipped at once.
  private let starts: [Bool]

  private init(_ rules: [Rule]) {
    var seen: Set<[UInt8]> = []
    let kept = rules.filter { !$0.target.isEmpty && seen.insert($0.target).inserted }
    self.rules = kept.enumerated().sorted {
      $0.element.target.count == $1.element.target.count
        ? $0.offset < $1.offset : $0.element.target.count > $1.element.target.count
    }.map(\.element)
    var starts = Array(repeating: false, count: 256)
    for rule in self.rules { starts[Int(rule.target[0])] = true }
    self.starts = starts
  }

  /// Each value, as it is and percent-encoded, becomes its placeholder; the first
  /// identifier given a value keeps it.
  static func scrubbing(_ identifiers: [TenantIdentifier]) -> TenantSubstitution {
    TenantSubstitution(
      identifiers.flatMap { identifier -> [Rule] in
        let placeholder = Array(identifier.placeholder.utf8)
        var forms = [identifier.value]
        if let encoded = identifier.value.addingPercentEncoding(
          withAllowedCharacters: .alphanumerics), encoded != identifier.value
        {
          forms.append(encoded)
        }
        return forms.map {
          Rule(target: Array($0.utf8), replacement: placeholder, name: identifier.name)
        }
      })
  }

  /// Each target becomes its replacement; `name` is what is reported when it is replaced.
  static func replacing(_ pairs: [(target: String, replacement: String, name: String)])
    -> TenantSubstitution
  {
    TenantSubstitution(
      pairs.map {
        Rule(target: Array($0.target.utf8), replacement: Array($0.replacement.utf8), name: $0.name)
      })
  }

  /// Each placeholder becomes its value; the first identifier of a name is used.
  static func restoring(_ identifiers: [TenantIdentifier]) -> TenantSubstitution {
    TenantSubstitution(
      identifiers.map {
        Rule(target: Array($0.placeholder.utf8), replacement: Array($0.value.utf8), name: $0.name)
      })
  }

  /// Whether there is nothing to replace.
  var isEmpty: Bool { rules.isEmpty }

  /// `text` with every target replaced; the names of the identifiers replaced are added to
  /// `names`.
  func apply(_ text: String, _ names: inout Set<String>) -> String {
    guard !rules.isEmpty else { return text }
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var index = 0
    var copied = 0
    scanning: while index < bytes.count {
      if starts[Int(bytes[index])] {
        for rule in rules
        where rule.target.count <= bytes.count - index
          && bytes[index..<index + rule.target.count].elementsEqual(rule.target)
        {
          output.append(contentsOf: bytes[copied..<index])
          output.append(contentsOf: rule.replacement)
          names.insert(rule.name)
          index += rule.target.count
          copied = index
          continue scanning
        }
      }
      index += 1
    }
    guard copied > 0 else { return text }
    output.append(contentsOf: bytes[copied...])
    return String(decoding: output, as: UTF8.self)
  }

  /// Strings and object keys of a JSON value replaced; numbers, booleans and nulls kept.
  func apply(_ json: JSONValue, _ names: inout Set<String>) -> JSONValue {
    switch json {
    case .string(let text):
      return .string(apply(text, &names))
    case .array(let elements):
      return .array(elements.map { apply($0, &names) })
    case .object(let members):
      return .object(members.map { JSONMember(apply($0.key, &names), apply($0.value, &names)) })
    default:
      return json
    }
  }

  /// A stored body replaced: JSON by its strings and keys, text whole; base64 kept.
  func apply(_ body: RecordedBody, _ names: inout Set<String>) -> RecordedBody {
    guard !rules.isEmpty else { return body }
    return switch body.content {
    case .json(let tree):
      RecordedBody(
        .json(apply(tree, &names)), decodedFrom: body.decodedFrom, wireText: body.wireText)
    case .text(let text): RecordedBody(.text(apply(text, &names)), decodedFrom: body.decodedFrom)
    case .base64: body
    }
  }

  /// Header values replaced (names kept), each header's identifiers reported through
  /// `found` with the header's name.
  func apply(
    _ headers: HeaderFields, found: (_ header: String, _ names: Set<String>) -> Void = { _, _ in }
  ) -> HeaderFields {
    guard !rules.isEmpty else { return headers }
    return HeaderFields(
      headers.fields.map { field in
        var names: Set<String> = []
        let value = apply(field.value, &names)
        if !names.isEmpty { found(field.name, names) }
        return HeaderFields.Field(field.name, value)
      })
  }

  /// Raw body bytes replaced: a JSON document by its strings and keys (and written compact),
  /// UTF-8 text whole, anything else kept.
  func apply(bytes: Data) -> Data {
    guard !rules.isEmpty, !bytes.isEmpty else { return bytes }
    var names: Set<String> = []
    if let tree = try? JSONParser().parse(bytes) {
      let replaced = apply(tree, &names)
      return names.isEmpty ? bytes : Data(replaced.serialized().utf8)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { return bytes }
    let replaced = apply(text, &names)
    return names.isEmpty ? bytes : Data(replaced.utf8)
  }

  /// A live request as it is matched: identifiers in its host, path, query, header values
  /// and body replaced.
  func apply(_ snapshot: RequestSnapshot) -> RequestSnapshot {
    guard !rules.isEmpty else { return snapshot }
    var names: Set<String> = []
    var result = snapshot
    result.host = apply(snapshot.host, &names)
    result.path = apply(snapshot.path, &names)
    result.query = snapshot.query.map {
      RequestSnapshot.QueryItem(name: apply($0.name, &names), value: apply($0.value, &names))
    }
    result.headers = apply(snapshot.headers)
    result.body = apply(bytes: snapshot.body)
    return result
  }
}
