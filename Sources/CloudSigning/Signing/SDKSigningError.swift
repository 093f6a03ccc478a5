/// Why a request could not be signed.
public enum SDKSigningError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A header to sign is not in the request; `host` when the request has no host at all.
  case missingHeader(String)
  /// A header name to sign is not a valid HTTP token (it would corrupt `SignedHeaders`).
  case invalidHeaderName(String)
  /// The `URLRequest` has no URL.
  case missingURL
  /// The `URLRequest` body is a stream, which cannot be hashed without consuming it.
  case bodyStreamNotSupported

  /// What went wrong, in a sentence.
  public var description: String {
    switch self {
    case .missingHeader(let name):
      "cannot sign: the request has no \(LogText.quoted(name)) header"
    case .invalidHeaderName(let name):
      "cannot sign: \(LogText.quoted(name)) is not a valid header name"
    case .missingURL:
      "cannot sign: the request has no URL"
    case .bodyStreamNotSupported:
      "cannot sign: the body is a stream; set httpBody so that it can be hashed"
    }
  }
}
