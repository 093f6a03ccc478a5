/// Which byte values a text holds, found in one pass: the secret scan asks it before looking
/// for each shape, whose every match holds one of a few bytes (``SecretShape``), so
/// that a string holding none of them is not searched for that shape at all.
struct ByteSet {
  private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  /// The bytes of `text`.
  init(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
      }
    }
  }

  /// Whether the text holds `byte`.
  func contains(_ byte: UInt8) -> Bool {
    let word =
      switch byte >> 6 {
      case 0: words.0
      case 1: words.1
      case 2: words.2
      default: words.3
      }
    return word & (UInt64(1) << UInt64(byte & 63)) != 0
  }
}
