/// An HTTP authorization scheme's credentials found in a text, wherever they are (an echoed
/// header, a log line, a custom header): the scheme's name (any case, a whole word), one or
/// more spaces, then a run of credential characters (by default a token's: letters, digits
/// and `- . _ ~ + / =`).
enum AuthorizationScheme {
  /// Whether `bytes` hold `scheme` followed by a run of `isCredentialByte` characters
  /// that `isCredentials` accepts.
  static func contains(
    _ scheme: String, in bytes: UnsafeBufferPointer<UInt8>,
    madeOf isCredentialByte: (UInt8) -> Bool = isTokenByte,
    followedBy isCredentials: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool
  ) -> Bool {
    let word = Array(scheme.utf8)
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
      while cursor < bytes.count && isCredentialByte(bytes[cursor]) { cursor += 1 }
      if isCredentials(bytes[start..<cursor]) { return true }
    }
    return false
  }

  /// A character of a credential: a letter, a digit, or `- . _ ~ + / =`.
  static func isTokenByte(_ byte: UInt8) -> Bool {
    LenientBase64.isAlphabet(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "~")
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
}
