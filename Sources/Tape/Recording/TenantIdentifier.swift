/// An identifier of the account a session ran under (a project, domain, workspace or user
/// id) that a public cassette should not carry, named so that it can be put back.
///
/// Recording with a ``Redactor`` whose ``Redactor/tenantIdentifiers`` hold it replaces every
/// occurrence of ``value`` (in URLs, header values, JSON strings and keys, text bodies) by
/// ``placeholder``: the same placeholder everywhere, so a cassette still matches itself on
/// replay. Replaying with ``ReplayConfiguration/tenantIdentifiers`` does the reverse for a
/// client that needs a real-looking value: answers carry the value where the cassette has
/// the placeholder, and requests carrying it match as if they carried the placeholder.
///
/// ```swift
/// let project = TenantIdentifier(name: "project_id", value: "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
/// let redactor = Redactor.standard.adding(tenantIdentifiers: [project])
/// ```
public struct TenantIdentifier: Hashable, Sendable {
  /// What the value is, such as `project_id`; it names the placeholder and the entries of
  /// an interaction's `redacted` list, never the value.
  public var name: String
  /// The value: the real one when recording, a real-looking one (or the real one) when
  /// replaying. Matched exactly, case and all.
  public var value: String

  /// Creates an identifier named `name` standing for `value`.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }

  /// What a cassette holds instead of the value: `tenant-project_id-scrubbed` for
  /// `project_id`.
  ///
  /// Letters, digits, `_` and `-` only (any other character of the name becomes `_`), so it
  /// stands in a URL path or query and in a JSON string without escaping; it does not look
  /// like a credential placeholder (`<X_AUTH_TOKEN>`), which the secret scan and the
  /// replayer treat differently; and its fixed start and end keep one placeholder from
  /// being read as part of another (`tenant-id-scrubbed` is no prefix of
  /// `tenant-id_eu-scrubbed`).
  public var placeholder: String {
    "tenant-\(Self.placeholderName(name))-scrubbed"
  }

  /// `name` with every character other than an ASCII letter, digit or `_` replaced by `_`.
  static func placeholderName(_ name: String) -> String {
    guard !name.isEmpty else { return "_" }
    return String(
      name.map { character in
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
          ? character : "_"
      })
  }
}
