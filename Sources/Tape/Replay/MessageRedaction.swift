/// Hides secrets from everything the player prints, through the one ``Redactor``
/// (``Redactor/standard``): reports, issues and errors use the same rules as cassettes.
enum MessageRedaction {
  /// `Name: value` lines, secrets replaced by `<redacted>`.
  static func headerLines(_ headers: HeaderFields) -> [String] {
    Redactor.standard.headerLines(headers)
  }

  /// Whether a request body may hold credentials (IAM token requests hold a password).
  static func bodyIsSecret(path: String) -> Bool {
    Redactor.standard.bodyIsSecret(path: path)
  }
}
