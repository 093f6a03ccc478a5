import Foundation
import JSONTree

/// Looks for secrets in what is about to be written or printed: the live values a session
/// used (as they are, percent-encoded and base64-encoded) and anything shaped like a
/// credential (IAM tokens, AK/SK signatures, cookies, private keys, unredacted secret
/// headers). With a redactor that scrubs tenant identifiers, their values are looked for
/// too (their placeholders, such as `tenant-project_id-scrubbed`, are not secrets).
///
/// Hits name where they are (a JSON pointer inside a cassette) and what they look like,
/// never the secret itself.
public struct SecretScanner: Sendable {
  /// One secret found.
  public struct Hit: Hashable, Sendable, CustomStringConvertible {
    /// Where: a JSON pointer in the document, such as `/interactions/0/request/headers/2/1`.
    public var location: String
    /// What was found, such as `a live secret (base64-encoded)` or `an IAM token`.
    public var kind: String

    /// `at /interactions/0/response/body/json/token: an IAM token`.
    public var description: String { "at \(location): \(kind)" }
  }

  /// The live secret values, with the forms they may take on the wire.
  private let needles: [(text: String, form: String)]
  /// The tenant identifiers' values, with the forms they may take, and what a hit is.
  private let tenantNeedles: [(text: String, kind: String)]
  /// The tenant placeholders, skipped when looking for tenant values.
  private let tenantPlaceholders: [String]
  /// Credential shapes: a regular expression and what it finds.
  private let shapes: [(pattern: CompiledPattern, kind: String)]
  /// Header names whose value must be a placeholder.
  private let redactor: Redactor

  /// Creates a scanner for `liveSecrets` (empty strings and values under 4 characters are
  /// ignored), checking header values against `redactor`.
  public init(liveSecrets: [String] = [], redactor: Redactor = .standard) {
    var needles: [(String, String)] = []
    for secret in Set(liveSecrets) where secret.count >= 4 {
      needles.append((secret, "raw"))
      if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
        encoded != secret
      {
        needles.append((encoded, "percent-encoded"))
      }
      needles.append((Data(secret.utf8).base64EncodedString(), "base64-encoded"))
    }
    self.needles = needles
    self.redactor = redactor
    var tenantNeedles: [(String, String)] = []
    for identifier in redactor.tenantIdentifiers where !identifier.value.isEmpty {
      let kind = "an unscrubbed tenant identifier '\(identifier.name)'"
      tenantNeedles.append((identifier.value, kind))
      if let encoded = identifier.value.addingPercentEncoding(
        withAllowedCharacters: .alphanumerics), encoded != identifier.value
      {
        tenantNeedles.append((encoded, kind + " (percent-encoded)"))
      }
      tenantNeedles.append(
        (Data(identifier.value.utf8).base64EncodedString(), kind + " (base64-encoded)"))
    }
    self.tenantNeedles = tenantNeedles
    self.tenantPlaceholders = redactor.tenantIdentifiers.map(\.placeholder)
    // Each shape starts with a literal, which the pattern checks first: most strings hold
    // none of them.
    self.shapes = [
      (#"MII[A-Za-z0-9+/=_-]{20,}"#, "an IAM token"),
      (#"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\."#, "a JSON web token"),
      (#"Signature=[0-9a-fA-F]{64}"#, "an AK/SK signature"),
      (#"Access=[A-Z0-9]{16,40}"#, "an access key in an Authorization value"),
      (#"-----BEGIN [A-Z ]*PRIVATE KEY-----"#, "a private key"),
    ].map { (CompiledPattern.named($0.0), $0.1) }
  }

  /// Every hit in a cassette's bytes; a file that is not JSON is scanned as text.
  public func scan(_ data: Data) -> [Hit] {
    guard let tree = try? JSONParser().parse(data) else {
      return scan(text: String(decoding: data, as: UTF8.self), at: "/")
    }
    return scan(tree)
  }

  /// Every hit in a JSON document, by pointer.
  public func scan(_ tree: JSONValue) -> [Hit] {
    var hits: [Hit] = []
    walk(tree, at: .root, &hits)
    return hits
  }

  /// Every hit in a message or a text body.
  public func scan(text: String, at location: String) -> [Hit] {
    var hits: [Hit] = []
    for needle in needles where text.contains(needle.text) {
      hits.append(Hit(location: location, kind: "a live secret (\(needle.form))"))
    }
    for shape in shapes where shape.pattern.matches(text) {
      hits.append(Hit(location: location, kind: shape.kind))
    }
    return hits + tenantHits(in: text, at: location)
  }

  /// A hit for each tenant value in `text` outside the tenant placeholders.
  private func tenantHits(in text: String, at location: String) -> [Hit] {
    guard !tenantNeedles.isEmpty else { return [] }
    var outside = text
    for placeholder in tenantPlaceholders where outside.contains(placeholder) {
      outside = outside.replacingOccurrences(of: placeholder, with: "\u{0}")
    }
    return tenantNeedles.filter { outside.contains($0.text) }.map {
      Hit(location: location, kind: $0.kind)
    }
  }

  private func walk(_ value: JSONValue, at pointer: JSONPointer, _ hits: inout [Hit]) {
    switch value {
    case .string(let text):
      hits += scan(text: text, at: pointer.description)
      if pointer.tokens.last == "url", let items = URLComponents(string: text)?.queryItems {
        for item in items
        where redactor.isSecretQueryKey(item.name) && !Self.isPlaceholder(item.value ?? "") {
          hits.append(
            Hit(location: pointer.description, kind: "an unredacted query value '\(item.name)'"))
        }
      }
    case .array(let elements):
      if elements.count == 2, let name = elements[0].stringValue,
        let headerValue = elements[1].stringValue, pointer.tokens.contains("headers"),
        redactor.isSecretHeader(name), !Self.isPlaceholder(headerValue)
      {
        hits.append(
          Hit(
            location: pointer.appending(1).description,
            kind: "an unredacted \(name) header"))
      }
      for (index, element) in elements.enumerated() {
        walk(element, at: pointer.appending(index), &hits)
      }
    case .object(let members):
      for member in members {
        let child = pointer.appending(member.key)
        hits += tenantHits(in: member.key, at: child.description + " (the key)")
        if redactor.isSecretKey(member.key),
          let text = member.value.stringValue ?? member.value.numberLexeme,
          !Self.isPlaceholder(text), text != "0"
        {
          hits.append(Hit(location: child.description, kind: "an unredacted '\(member.key)' value"))
        }
        walk(member.value, at: child, &hits)
      }
    default:
      break
    }
  }

  /// Whether `value` is one the redactor writes (``Redactor/isPlaceholder(_:)``).
  static func isPlaceholder(_ value: String) -> Bool {
    Redactor.isPlaceholder(value)
  }
}
