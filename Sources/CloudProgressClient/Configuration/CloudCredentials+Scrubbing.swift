import CloudProgress

extension CloudCredentials {
  /// The values of these credentials, longest first (a value may contain another).
  var revealedValues: [String] {
    let values: [Secret?] =
      switch self {
      case .token(let token): [token]
      case .passwordToken(let user, let password, let domain): [user, password, domain]
      case .accessKey(let id, let secret, let token): [id, secret, token]
      }
    return values.compactMap { $0?.revealed }.filter { $0.count >= 4 }
      .sorted { $0.count > $1.count }
  }

  /// `error` with every credential value that a service echoed (a gateway naming the
  /// unknown access key, say) replaced by `<redacted>`.
  func scrub(_ error: CloudError) -> CloudError {
    var scrubbed = error
    for value in revealedValues {
      scrubbed.message = scrubbed.message.replacingOccurrences(of: value, with: Secret.placeholder)
      scrubbed.code = scrubbed.code?.replacingOccurrences(of: value, with: Secret.placeholder)
    }
    return scrubbed
  }
}
