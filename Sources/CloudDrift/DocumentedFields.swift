import CloudProgress
import DecoderFuzz
import JSONTree

/// The documented fields of an API's successful answer, as the fuzzer's schema lists them
/// (one list, checked against the models by `SchemaModelAgreementTests`).
struct DocumentedFields: Sendable {
  /// The schema of the answer.
  let schema: FuzzSchema

  /// The fields of `api`'s successful answer.
  init(_ api: CloudAPI) {
    schema =
      FuzzTargetRegistry.standard.first {
        $0.corpusKey == api.rawValue && $0.seedSelection == .success
      }?.schema ?? FuzzSchema([:])
  }

  /// The patterns of the enumerated fields, whose values a report may show.
  var enumerations: Set<String> {
    Set(
      schema.fields.compactMap { pattern, kind in
        if case .enumeration = kind { pattern } else { nil }
      })
  }

  /// Whether the field at `pattern` (indices written `*`) is enumerated.
  func isEnumeration(_ pattern: String) -> Bool {
    guard case .enumeration = schema.fields[pattern] else { return false }
    return true
  }

  /// Every documented field but the root, with its documented type.
  var documentedTypes: [String: String] {
    schema.fields.mapValues(Self.text)
  }

  /// `string`, `integer`, `one of 0, 1, 2`. (Not a switch: a kind the fuzzer adds later
  /// reads as its own description rather than breaking this build.)
  static func text(_ kind: FieldKind) -> String {
    if case .enumeration(let values) = kind {
      return "one of " + values.map { $0.serialized() }.joined(separator: ", ")
    }
    if case .integer = kind { return "integer" }
    let names: [FieldKind: String] = [
      .object: "object", .array: "array", .string: "string", .boolean: "boolean",
      .timestamp: "integer (epoch milliseconds)", .percentage: #"percentage "0%" to "100%""#,
      .numericString: "string holding a number",
    ]
    return names[kind] ?? "\(kind)"
  }
}
