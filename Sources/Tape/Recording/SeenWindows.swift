/// Every four-byte window of the text a journal has written, kept as a Bloom filter: whether
/// a secret learned now may be in a line written before it was known (then the journal is
/// rewritten), told without reading the journal again. "No" is certain; "maybe" is checked
/// by rewriting. 4 MB, whatever the journal's size (a larger journal only makes "maybe"
/// more frequent).
struct SeenWindows: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1 << 19)

  /// Adds every window of `text`.
  mutating func insert(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      guard buffer.count >= 4, let base = buffer.baseAddress else { return }
      for offset in 0...(buffer.count - 4) {
        let (first, second) = Self.bits(LiveSecretIndex.key(base + offset))
        bits[first >> 6] |= 1 << UInt64(first & 63)
        bits[second >> 6] |= 1 << UInt64(second & 63)
      }
    }
  }

  /// Whether every window of `needle` may have been seen (false when it certainly was not).
  func mayContain(_ needle: [UInt8]) -> Bool {
    guard needle.count >= 4 else { return true }
    return needle.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      for offset in 0...(buffer.count - 4) {
        let (first, second) = Self.bits(LiveSecretIndex.key(base + offset))
        guard bits[first >> 6] & (1 << UInt64(first & 63)) != 0,
          bits[second >> 6] & (1 << UInt64(second & 63)) != 0
        else { return false }
      }
      return true
    }
  }

  /// Two bit positions of a window (of 2^25).
  private static func bits(_ key: UInt32) -> (Int, Int) {
    let hash = UInt64(key) &* 0x9E37_79B9_7F4A_7C15
    return (Int(hash >> 39), Int((hash >> 7) & ((1 << 25) - 1)))
  }
}
