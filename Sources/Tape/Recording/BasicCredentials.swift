/// HTTP Basic credentials found anywhere in a text: `Basic` (any case), spaces, then base64
/// (either alphabet, padding optional) that decodes to UTF-8 `user:password` with both
/// parts non-empty and the password not a placeholder. `Basic <BASIC>` and prose such as
/// `Basic usage` are not credentials.
enum BasicCredentials {
  /// Whether `text` holds Basic credentials.
  static func contains(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { contains(in: $0) }
  }

  /// Whether `bytes` hold Basic credentials.
  static func contains(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    AuthorizationScheme.contains(
      "basic", in: bytes,
      madeOf: { LenientBase64.isAlphabet($0) || $0 == UInt8(ascii: "=") },
      followedBy: isCredentials)
  }

  /// Whether base64 `encoded` decodes to `user:password`.
  static func isCredentials(_ encoded: some Collection<UInt8>) -> Bool {
    guard encoded.count >= 4, let decoded = LenientBase64.decode(encoded),
      let text = String(validating: decoded, as: UTF8.self),
      let colon = text.firstIndex(of: ":"), colon != text.startIndex
    else { return false }
    let password = text[text.index(after: colon)...]
    return !password.isEmpty && !Redactor.isPlaceholder(String(password))
      && !text.unicodeScalars.contains { $0.value < 0x20 }
  }
}
