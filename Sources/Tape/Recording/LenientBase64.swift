import Foundation

/// Base64 as the secret scan reads it: the standard and the URL-safe alphabets alike, the
/// padding optional, line breaks ignored; and each way a value looks inside a longer
/// base64 stream.
enum LenientBase64 {
  /// The bytes `text` encodes, or nil when it is not base64: a character outside both
  /// alphabets (line breaks aside), padding anywhere but at the end, or a length that no
  /// encoding has (one character past a group of four).
  static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
    var output: [UInt8] = []
    output.reserveCapacity(text.count / 4 * 3 + 3)
    var group: UInt32 = 0
    var count = 0
    var padding = 0
    for byte in text {
      if byte == 0x0A || byte == 0x0D { continue }
      if byte == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      guard padding == 0, let value = sextet(byte) else { return nil }
      group = group << 6 | UInt32(value)
      count += 1
      if count == 4 {
        output += [UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
        group = 0
        count = 0
      }
    }
    guard padding <= 2 else { return nil }
    switch count {
    case 0: return padding == 0 ? output : nil
    case 2: output.append(UInt8(group >> 4 & 0xFF))
    case 3: output += [UInt8(group >> 10 & 0xFF), UInt8(group >> 2 & 0xFF)]
    default: return nil
    }
    return output
  }

  /// The 6-bit value of a character of either alphabet.
  static func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x41...0x5A: byte - 0x41
    case 0x61...0x7A: byte - 0x61 + 26
    case 0x30...0x39: byte - 0x30 + 52
    case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
    case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
    default: nil
    }
  }

  /// Whether `byte` is a character of either alphabet (padding aside).
  static func isAlphabet(_ byte: UInt8) -> Bool {
    sextet(byte) != nil
  }

  /// The text `value` is always encoded to inside a longer base64 stream, for each of the
  /// three places it can start within a 3-byte group: the stream's characters that hold
  /// only `value`'s bits (those shared with the bytes before or after it, which depend on
  /// them, left out), without padding. A stream holding `value` holds one of the three,
  /// whatever comes before and after; the first is also `value`'s own encoding less its
  /// last partial character and padding.
  static func alignedForms(of value: [UInt8]) -> [String] {
    (0..<3).map { shift in
      let encoded = Array((Data(repeating: 0, count: shift) + value).base64EncodedString().utf8)
      // Character i covers bits 6i..<6i+6 of the stream; keep those within the value's.
      let first = (8 * shift + 5) / 6
      let end = 8 * (shift + value.count) / 6
      return first < end ? String(decoding: encoded[first..<end], as: UTF8.self) : ""
    }
  }

  /// `text` in the URL-safe alphabet (`-` and `_` for `+` and `/`).
  static func urlSafe(_ text: String) -> String {
    String(
      decoding: text.utf8.map {
        $0 == UInt8(ascii: "+")
          ? UInt8(ascii: "-") : $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0
      }, as: UTF8.self)
  }
}
