/// Hides secrets from everything the player prints: header values that carry credentials
/// and the password body of IAM token requests.
enum MessageRedaction {
  /// Headers whose values are credentials.
  static let secretHeaders: Set<String> = [
    "authorization", "proxy-authorization", "x-auth-token", "x-security-token",
    "x-subject-token", "cookie", "set-cookie",
  ]

  /// `Name: value` lines, secrets replaced by `<redacted>`.
  static func headerLines(_ headers: HeaderFields) -> [String] {
    headers.canonicallySorted.fields.map { field in
      let value = secretHeaders.contains(field.name.lowercased()) ? "<redacted>" : field.value
      return "\(field.name): \(value)"
    }
  }

  /// Whether a request body may hold credentials (IAM token requests hold a password).
  static func bodyIsSecret(path: String) -> Bool {
    path.hasSuffix("/auth/tokens") || path.contains("/securitytokens")
  }
}
