/// Huawei Cloud's keys found bare, with no name next to them: an access key (AK) is 20
/// upper-case letters and digits, a secret access key (SK) 40 letters of both cases and
/// digits.
///
/// A key is a whole word: the characters around it are neither letters nor digits nor the
/// other characters of base64 (`+ / - _`, and no `=` after it), so that a run inside a
/// base64 blob, a longer id or a signature is not one. To keep ids out, a key holds a
/// letter and a digit (an SK a letter of each case), and is not all hexadecimal digits:
/// git SHAs, 32-digit project ids and hexadecimal request ids never are keys, and neither
/// are names such as `RULE_TEMPLATE` (`_` splits no word here, it joins it).
enum BareKey {
  /// The two keys.
  enum Kind {
    case accessKey
    case secretKey

    var length: Int {
      switch self {
      case .accessKey: 20
      case .secretKey: 40
      }
    }
  }

  /// Whether `text` holds a bare key of `kind`.
  static func contains(_ kind: Kind, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { contains(kind, in: $0) }
  }

  /// Whether `bytes` hold a bare key of `kind`.
  static func contains(_ kind: Kind, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= kind.length else { return false }
    var start = 0
    while start < bytes.count {
      // One word: a run of base64 characters.
      guard isWordByte(bytes[start]) else {
        start += 1
        continue
      }
      var end = start
      while end < bytes.count && isWordByte(bytes[end]) { end += 1 }
      if end - start == kind.length, end == bytes.count || bytes[end] != UInt8(ascii: "=") {
        if isKey(kind, bytes[start..<end]) { return true }
      }
      start = end
    }
    return false
  }

  /// Whether a word is a key of `kind`: letters and digits only, the cases and digits the
  /// kind has, not all hexadecimal.
  private static func isKey(_ kind: Kind, _ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var upper = false
    var lower = false
    var digit = false
    var nonHex = false
    for byte in word {
      switch byte {
      case 0x41...0x5A:
        upper = true
        if byte > UInt8(ascii: "F") { nonHex = true }
      case 0x61...0x7A:
        lower = true
        if byte > UInt8(ascii: "f") { nonHex = true }
      case 0x30...0x39: digit = true
      default: return false
      }
    }
    guard digit, nonHex else { return false }
    switch kind {
    case .accessKey: return upper && !lower
    case .secretKey: return upper && lower
    }
  }

  /// A character a word is made of: a letter, a digit, or `+ / - _`.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    LenientBase64.isAlphabet(byte)
  }
}
