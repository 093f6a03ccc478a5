/// A bearer token found anywhere in a text: `Bearer` (any case), spaces, then a token of at
/// least 16 characters holding a letter and a digit. Prose (`Bearer token required`,
/// `Bearer realm="iam"`) and placeholders (`Bearer <TOKEN>`) are not tokens.
enum BearerToken {
  /// The fewest characters a token has.
  static let minimumLength = 16

  /// Whether `text` holds a bearer token.
  static func contains(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { contains(in: $0) }
  }

  /// Whether `bytes` hold a bearer token.
  static func contains(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    AuthorizationScheme.contains("bearer", in: bytes) { token in
      token.count >= minimumLength && token.contains { (0x30...0x39).contains($0) }
        && token.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }
  }
}
