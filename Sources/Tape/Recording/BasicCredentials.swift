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
    let word = Array("basic".utf8)
    guard bytes.count > word.count + 1 else { return false }
    var index = 0
    while index + word.count < bytes.count {
      defer { index += 1 }
      guard bytes[index] | 0x20 == word[0],
        index == 0 || !isLetter(bytes[index - 1]),
        (1..<word.count).allSatisfy({ bytes[index + $0] | 0x20 == word[$0] })
      else { continue }
      var cursor = index + word.count
      guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") else { continue }
      while cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
      let start = cursor
      while cursor < bytes.count
        && (LenientBase64.isAlphabet(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "="))
      {
        cursor += 1
      }
      if isCredentials(bytes[start..<cursor]) { return true }
    }
    return false
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

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
}
