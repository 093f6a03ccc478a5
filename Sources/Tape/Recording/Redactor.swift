import Foundation
import JSONTree

/// The one redactor: what never reaches a cassette, a log line, an issue or an error message.
///
/// ``standard`` covers credentials as Huawei Cloud sends them (see `API-NOTES.md`): the
/// `Authorization` header (AK and signature), `X-Auth-Token`, `X-Security-Token`, the IAM
/// response's `X-Subject-Token`, `Cookie` and `Set-Cookie`, the password of an IAM token
/// request and the `access`, `secret` and `securitytoken` of a temporary-credential answer.
/// Users add header names, query keys, JSON pointers and regular expressions. A redacted
/// value becomes a placeholder such as `<X_AUTH_TOKEN>`; its name, never its value, is listed
/// in the interaction's `redacted` list.
///
/// Tenant identifiers (``tenantIdentifiers``, none by default) are an opt-in privacy scrub
/// rather than secrets: each value becomes its ``TenantIdentifier/placeholder`` wherever it
/// occurs, the same placeholder everywhere, so paths and bodies still match on replay.
public struct Redactor: Hashable, Sendable {
  /// Header names whose values are replaced (compared case-insensitively).
  public var headerNames: Set<String>
  /// Query keys whose values are replaced.
  public var queryKeys: Set<String>
  /// JSON pointers (`/auth/identity/password/user/password`) whose values are replaced in
  /// request and response bodies; a `*` token matches any key or index.
  public var jsonPointers: [String] {
    didSet { pointerPatterns = Self.tokens(of: jsonPointers) }
  }
  /// JSON object keys whose values are replaced wherever they appear in a body.
  public var jsonKeys: Set<String>
  /// Regular expressions whose matches are replaced in every header value, URL, text body
  /// and message.
  public var patterns: [String] {
    didSet { compiledPatterns = CompiledPatterns(patterns) }
  }
  /// Tenant identifiers (project, domain, workspace, user ids) whose every occurrence, in
  /// URLs, header values, JSON strings and keys and text bodies of requests and responses,
  /// becomes the identifier's placeholder; base64 bodies and JSON numbers are left as they
  /// are (the scan before writing still finds a value that survived there). Where one value
  /// is given twice, the first name wins.
  public var tenantIdentifiers: [TenantIdentifier]
  /// ``jsonPointers``' tokens, kept in step with them.
  private var pointerPatterns: [[String]]
  /// ``patterns``, compiled, kept in step with them (no process-wide lookup per string).
  private var compiledPatterns: CompiledPatterns

  /// Creates a redactor; names are lower-cased for comparison.
  public init(
    headerNames: Set<String> = [], queryKeys: Set<String> = [], jsonPointers: [String] = [],
    jsonKeys: Set<String> = [], patterns: [String] = [],
    tenantIdentifiers: [TenantIdentifier] = []
  ) {
    self.headerNames = Set(headerNames.map { $0.lowercased() })
    self.queryKeys = Set(queryKeys.map { $0.lowercased() })
    self.jsonPointers = jsonPointers
    self.pointerPatterns = Self.tokens(of: jsonPointers)
    self.jsonKeys = Set(jsonKeys.map { $0.lowercased() })
    self.patterns = patterns
    self.compiledPatterns = CompiledPatterns(patterns)
    self.tenantIdentifiers = tenantIdentifiers
  }

  /// The defaults: every item of "What must never reach a cassette".
  public static let standard = Redactor(
    headerNames: [
      "authorization", "proxy-authorization", "x-auth-token", "x-security-token",
      "x-subject-token", "cookie", "set-cookie",
    ],
    queryKeys: ["x-auth-token", "access_token", "token", "signature", "x-security-token"],
    jsonPointers: [
      "/auth/identity/password/user/password", "/auth/identity/token/id",
      "/credential/access", "/credential/secret", "/credential/securitytoken",
    ],
    jsonKeys: ["password", "secret", "securitytoken", "security_token", "access", "sk"],
    patterns: [
      #"MII[A-Za-z0-9+/=_-]{20,}"#,
      #"Signature=[0-9a-fA-F]{64}"#,
      #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"#,
    ])

  /// This redactor with more rules added.
  public func adding(
    headerNames: Set<String> = [], queryKeys: Set<String> = [], jsonPointers: [String] = [],
    jsonKeys: Set<String> = [], patterns: [String] = [],
    tenantIdentifiers: [TenantIdentifier] = []
  ) -> Redactor {
    Redactor(
      headerNames: self.headerNames.union(headerNames), queryKeys: self.queryKeys.union(queryKeys),
      jsonPointers: self.jsonPointers + jsonPointers, jsonKeys: self.jsonKeys.union(jsonKeys),
      patterns: self.patterns + patterns,
      tenantIdentifiers: self.tenantIdentifiers + tenantIdentifiers)
  }

  /// The placeholder written instead of a value: `<X_AUTH_TOKEN>` for `X-Auth-Token`.
  public static func placeholder(_ name: String) -> String {
    "<" + String(name.uppercased().map { $0 == "-" ? "_" : $0 }) + ">"
  }

  /// Whether a header's value is a secret.
  public func isSecretHeader(_ name: String) -> Bool {
    headerNames.contains(name.lowercased())
  }

  /// Whether a request to `path` carries credentials in its body (an IAM token request, a
  /// temporary-credential request): such a body is never printed.
  public func bodyIsSecret(path: String) -> Bool {
    path.hasSuffix("/auth/tokens") || path.contains("/securitytokens")
  }

  /// `text` with every pattern's matches replaced by `<REDACTED>`.
  public func redact(text: String) -> String {
    compiledPatterns.list.reduce(text) { result, pattern in
      pattern.replacingMatches(in: result, with: "<REDACTED>")
    }
  }

  /// `Name: value` lines for messages, secret values replaced by `<redacted>`.
  public func headerLines(_ headers: HeaderFields) -> [String] {
    headers.canonicallySorted.fields.map { field in
      let value = isSecretHeader(field.name) ? "<redacted>" : redact(text: field.value)
      return "\(field.name): \(value)"
    }
  }

  /// An interaction as it may be written: tenant identifiers scrubbed, then secrets
  /// replaced by placeholders, their names added to ``Interaction/redactions``.
  public func redact(_ interaction: Interaction) -> Interaction {
    var names: [String] = []
    let scrubbed = scrubTenants(interaction, &names)
    var result = scrubbed
    result.request.headers = redact(headers: scrubbed.request.headers, "request", &names)
    result.response.headers = redact(headers: scrubbed.response.headers, "response", &names)
    result.request.url = redact(url: scrubbed.request.url, &names)
    result.request.body = scrubbed.request.body.map { redact(body: $0, "request", &names) }
    result.response.body = scrubbed.response.body.map { redact(body: $0, "response", &names) }
    result.redactions = Array(Set(interaction.redactions + names)).sorted()
    return result
  }

  /// Every tenant identifier replaced by its placeholder, each place named in `names` as
  /// `request.url: tenant project_id` (where, then which identifier; never the value).
  private func scrubTenants(_ interaction: Interaction, _ names: inout [String]) -> Interaction {
    let substitution = TenantSubstitution.scrubbing(tenantIdentifiers)
    guard !substitution.isEmpty else { return interaction }
    func note(_ place: String, _ found: Set<String>) {
      names += found.map { "\(place): tenant \($0)" }
    }
    var result = interaction
    var found: Set<String> = []
    result.request.url = substitution.apply(interaction.request.url, &found)
    note("request.url", found)
    for (side, message) in [
      ("request", \Interaction.request.headers), ("response", \.response.headers),
    ] {
      result[keyPath: message] = substitution.apply(interaction[keyPath: message]) {
        note("\(side).header.\($0)", $1)
      }
    }
    for (side, body) in [("request", \Interaction.request.body), ("response", \.response.body)] {
      found = []
      result[keyPath: body] = interaction[keyPath: body].map { substitution.apply($0, &found) }
      note("\(side).body", found)
    }
    return result
  }

  private func redact(headers: HeaderFields, _ side: String, _ names: inout [String])
    -> HeaderFields
  {
    HeaderFields(
      headers.fields.map { field in
        if isSecretHeader(field.name) {
          names.append("\(side).header.\(field.name)")
          return HeaderFields.Field(field.name, Self.placeholder(field.name))
        }
        let value = redact(text: field.value)
        if value != field.value { names.append("\(side).header.\(field.name)") }
        return HeaderFields.Field(field.name, value)
      })
  }

  private func redact(url: String, _ names: inout [String]) -> String {
    guard url.utf8.contains(UInt8(ascii: "?")), var components = URLComponents(string: url),
      let items = components.queryItems
    else {
      return redact(text: url)
    }
    var changed = false
    components.queryItems = items.map { item in
      guard queryKeys.contains(item.name.lowercased()), item.value != nil else { return item }
      names.append("request.query.\(item.name)")
      changed = true
      return URLQueryItem(name: item.name, value: Self.placeholder(item.name))
    }
    let rebuilt = changed ? (components.string ?? url) : url
    let redacted = redact(text: rebuilt)
    if redacted != rebuilt { names.append("request.url") }
    return redacted
  }

  private func redact(body: RecordedBody, _ side: String, _ names: inout [String])
    -> RecordedBody
  {
    switch body.content {
    case .json(let tree):
      var paths: [String] = []
      let redacted = redact(json: tree, at: .root, &paths)
      names += paths.map { "\(side).body\($0)" }
      return RecordedBody(.json(redacted), decodedFrom: body.decodedFrom)
    case .text(let text):
      let redacted = redact(text: text)
      if redacted != text { names.append("\(side).body") }
      return RecordedBody(.text(redacted), decodedFrom: body.decodedFrom)
    case .base64:
      return body
    }
  }

  private func redact(json: JSONValue, at pointer: JSONPointer, _ paths: inout [String])
    -> JSONValue
  {
    if matchesPointer(pointer) {
      paths.append(pointer.description)
      return .string(Self.placeholder(pointer.tokens.last ?? "body"))
    }
    switch json {
    case .object(let members):
      return .object(
        members.map { member in
          let child = pointer.appending(member.key)
          if jsonKeys.contains(member.key.lowercased()), member.value.isScalar {
            paths.append(child.description)
            return JSONMember(member.key, .string(Self.placeholder(member.key)))
          }
          return JSONMember(member.key, redact(json: member.value, at: child, &paths))
        })
    case .array(let elements):
      return .array(
        elements.enumerated().map { redact(json: $1, at: pointer.appending($0), &paths) })
    case .string(let text):
      let redacted = redact(text: text)
      if redacted != text { paths.append(pointer.description) }
      return .string(redacted)
    default:
      return json
    }
  }

  /// Whether `pointer` is one of ``jsonPointers`` (a `*` token matches any key or index).
  func matchesPointer(_ pointer: JSONPointer) -> Bool {
    guard !pointer.tokens.isEmpty else { return false }
    return pointerPatterns.contains { tokens in
      tokens.count == pointer.tokens.count
        && zip(tokens, pointer.tokens).allSatisfy { $0 == "*" || $0 == $1 }
    }
  }

  /// The tokens of each pointer, parsed once (parsing them at every JSON node visited was a
  /// fifth of a recording's time); a pointer that does not parse matches nothing.
  private static func tokens(of pointers: [String]) -> [[String]] {
    pointers.compactMap { JSONPointer($0)?.tokens }
  }
}

extension JSONValue {
  /// A string, number, bool or null.
  fileprivate var isScalar: Bool {
    switch self {
    case .object, .array: false
    default: true
    }
  }
}

/// A redactor's patterns, compiled; equal and hashed as nothing, since they follow
/// ``Redactor/patterns``, which are compared.
private struct CompiledPatterns: Hashable, Sendable {
  let list: [CompiledPattern]

  init(_ patterns: [String]) {
    list = patterns.map(CompiledPattern.named)
  }

  static func == (left: Self, right: Self) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}
