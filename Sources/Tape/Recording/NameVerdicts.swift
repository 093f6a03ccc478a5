/// The redactor's verdicts on names a secret scan has asked about (JSON keys, header names),
/// kept for the next scan by the same scanner: a document repeats its keys and header names
/// in every interaction, and a journal scans one interaction per line with the same names
/// each time (asking the redactor again was a third of the scan of a line). Only a memo: a
/// verdict depends on the name and the scanner's redactor alone. At most ``capacity`` names
/// are kept; past that the memo starts again empty, so that documents with ever new keys (an
/// id per key) cannot make it grow without bound.
struct NameVerdicts {
  /// The most names of each kind kept.
  static let capacity = 4_096

  private var keys: [String: SecretName.Secrecy] = [:]
  private var headers: [String: Bool] = [:]

  /// ``Redactor/secrecy(ofKey:)`` of `key` by `redactor`, asked once per name.
  mutating func secrecy(ofKey key: String, _ redactor: Redactor) -> SecretName.Secrecy {
    if let known = keys[key] { return known }
    let secrecy = redactor.secrecy(ofKey: key)
    if keys.count >= Self.capacity { keys.removeAll(keepingCapacity: true) }
    keys[key] = secrecy
    return secrecy
  }

  /// ``Redactor/isSecretHeader(_:)`` of `name` without the spaces around it
  /// (`"Authorization "` in a hand-edited file is still `Authorization`), asked once per
  /// name.
  mutating func isSecretHeader(_ name: String, _ redactor: Redactor) -> Bool {
    if let known = headers[name] { return known }
    let secret = redactor.isSecretHeader(name.trimmingCharacters(in: .whitespaces))
    if headers.count >= Self.capacity { headers.removeAll(keepingCapacity: true) }
    headers[name] = secret
    return secret
  }
}
