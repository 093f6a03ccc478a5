import Foundation
import JSONTree

/// The one redactor: what never reaches a cassette, a log line, an issue or an error message.
///
/// The same rules run on every path: recording (the trait, ``RecordingTransport``, the
/// commands, the proxy, HAR import), matching (a live request is redacted before it is
/// compared with the recording, so placeholders match any live secret) and every report.
///
/// ``standard`` covers what any HTTP API uses: `Authorization`, `Proxy-Authorization`,
/// `Cookie`, `Set-Cookie` and API-key headers; query keys, JSON keys (at any depth) and form
/// fields whose name says they hold a secret (see ``isSecretQueryKey(_:)`` and
/// ``secrecy(ofKey:)``: `password`, `client_secret`, `access_token`, `X-Amz-Credential`,
/// `AccessKeyId`, `sk`...); JSON web tokens and private keys anywhere. ``huaweiCloud`` adds
/// Huawei Cloud's specifics. Users add header names, query keys, JSON keys and pointers,
/// regular expressions and, for what rules cannot say, ``CustomRule``s. A redacted string
/// becomes a placeholder such as `<X_AUTH_TOKEN>` (a number becomes `0`; booleans and nulls
/// are kept, so the JSON type never changes); its name, never its value, is listed in the
/// interaction's `redacted` list.
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
  /// Path suffixes of requests whose body is never printed (an IAM token request).
  public var secretBodyPaths: [String]
  /// Environment variables whose values are live secrets of a session
  /// (`HUAWEICLOUD_SDK_SK`): a recorder looks for them in what it writes, without the user
  /// passing them by hand.
  public var environmentVariables: [String]
  /// Rewrites for what the rules cannot say, run after them on every interaction recorded
  /// and every live request matched or reported.
  public var customRules: [CustomRule]
  /// ``jsonPointers``' tokens, kept in step with them.
  private var pointerPatterns: [[String]]
  /// ``patterns``, compiled, kept in step with them (no process-wide lookup per string).
  private var compiledPatterns: CompiledPatterns

  /// Creates a redactor; names are lower-cased for comparison. It applies the name rules of
  /// ``isSecretHeader(_:)``, ``isSecretQueryKey(_:)`` and ``secrecy(ofKey:)`` on top of the
  /// names given.
  public init(
    headerNames: Set<String> = [], queryKeys: Set<String> = [], jsonPointers: [String] = [],
    jsonKeys: Set<String> = [], patterns: [String] = [],
    tenantIdentifiers: [TenantIdentifier] = [], secretBodyPaths: [String] = [],
    environmentVariables: [String] = [], customRules: [CustomRule] = []
  ) {
    self.secretBodyPaths = secretBodyPaths
    self.environmentVariables = environmentVariables
    self.customRules = customRules
    self.headerNames = Set(headerNames.map { $0.lowercased() })
    self.queryKeys = Set(queryKeys.map { $0.lowercased() })
    self.jsonPointers = jsonPointers
    self.pointerPatterns = Self.tokens(of: jsonPointers)
    self.jsonKeys = Set(jsonKeys.map { $0.lowercased() })
    self.patterns = patterns
    self.compiledPatterns = CompiledPatterns(patterns)
    self.tenantIdentifiers = tenantIdentifiers
  }

  /// The generic defaults, for any HTTP API: credential headers (`Authorization`,
  /// `Proxy-Authorization`, `Cookie`, `Set-Cookie`, `X-Api-Key`, `Api-Key`, `X-Auth-Token`
  /// and any header named like a token or secret), credential query keys, JSON keys and
  /// form fields by their names, JSON web tokens and private keys.
  public static let standard = Redactor(
    headerNames: [
      "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
      "x-auth-token",
    ],
    patterns: [
      #"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*"#,
      #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"#,
    ])

  /// This redactor with more rules added.
  public func adding(
    headerNames: Set<String> = [], queryKeys: Set<String> = [], jsonPointers: [String] = [],
    jsonKeys: Set<String> = [], patterns: [String] = [],
    tenantIdentifiers: [TenantIdentifier] = [], secretBodyPaths: [String] = [],
    environmentVariables: [String] = [], customRules: [CustomRule] = []
  ) -> Redactor {
    Redactor(
      headerNames: self.headerNames.union(headerNames), queryKeys: self.queryKeys.union(queryKeys),
      jsonPointers: self.jsonPointers + jsonPointers, jsonKeys: self.jsonKeys.union(jsonKeys),
      patterns: self.patterns + patterns,
      tenantIdentifiers: self.tenantIdentifiers + tenantIdentifiers,
      secretBodyPaths: self.secretBodyPaths + secretBodyPaths,
      environmentVariables: self.environmentVariables + environmentVariables,
      customRules: self.customRules + customRules)
  }

  /// This redactor with every rule of `other` added (a profile such as ``huaweiCloud``).
  public func adding(_ other: Redactor) -> Redactor {
    adding(
      headerNames: other.headerNames, queryKeys: other.queryKeys,
      jsonPointers: other.jsonPointers, jsonKeys: other.jsonKeys, patterns: other.patterns,
      tenantIdentifiers: other.tenantIdentifiers, secretBodyPaths: other.secretBodyPaths,
      environmentVariables: other.environmentVariables, customRules: other.customRules)
  }

  /// The placeholder written instead of a value: `<X_AUTH_TOKEN>` for `X-Auth-Token` (ASCII
  /// letters upper-cased, digits kept, anything else `_`).
  public static func placeholder(_ name: String) -> String {
    let bytes = name.utf8.map { byte -> UInt8 in
      switch byte {
      case 0x61...0x7A: byte - 0x20
      case 0x41...0x5A, 0x30...0x39: byte
      default: UInt8(ascii: "_")
      }
    }
    return "<" + String(decoding: bytes, as: UTF8.self) + ">"
  }

  /// Whether a header's value is a secret: a listed name, or one whose words say token,
  /// secret, password or API key (`X-Subject-Token`, `X-Amz-Security-Token`, `X-Api-Key`).
  public func isSecretHeader(_ name: String) -> Bool {
    let lowered = name.lowercased()
    if headerNames.contains(lowered) { return true }
    return !Self.plainHeaders.contains(lowered) && SecretName.secrecy(of: name) != .none
  }

  /// Headers whose names sound secret but whose values never are.
  private static let plainHeaders: Set<String> = ["access-control-allow-credentials"]

  /// Whether a query key's value is a secret: a listed key, or a name that says so
  /// (``secrecy(ofKey:)``: `access_token`, `Signature`, `X-Amz-Credential`, `sk`...).
  public func isSecretQueryKey(_ name: String) -> Bool {
    queryKeys.contains(name.lowercased()) || SecretName.secrecy(of: name) != .none
  }

  /// How much of what a JSON key or form field holds is secret: everything below a listed
  /// key; otherwise what its name says (``SecretName``: everything below `password`,
  /// `secret` or `private_key`; the value of `access_token`, `credential`, `ak`, `sk`...).
  func secrecy(ofKey name: String) -> SecretName.Secrecy {
    jsonKeys.contains(name.lowercased()) ? .everythingBelow : SecretName.secrecy(of: name)
  }

  /// Whether a JSON key or form field holds a secret value.
  public func isSecretKey(_ name: String) -> Bool {
    secrecy(ofKey: name) != .none
  }

  /// Whether a request to `path` carries credentials in its body (for the Huawei profile,
  /// an IAM token request): such a body is never printed, whatever its redaction.
  public func bodyIsSecret(path: String) -> Bool {
    secretBodyPaths.contains { path.hasSuffix($0) }
  }

  /// The values of ``environmentVariables`` set in `environment`: live secrets of the session.
  public func environmentSecrets(
    in environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [String] {
    environmentVariables.compactMap { environment[$0] }.filter { !$0.isEmpty }
  }

  /// Whether `value` is one the redactor writes in place of a secret: empty, a placeholder
  /// (`<X_AUTH_TOKEN>`: upper case, digits and `_` between angle brackets) or `<REDACTED>`.
  /// Any other value in angle brackets, `<hunter2>` say, is not.
  public static func isPlaceholder(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    if bytes.isEmpty { return true }
    guard bytes.count >= 3, bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">")
    else { return false }
    return bytes.dropFirst().dropLast().allSatisfy {
      ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_")
    }
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
