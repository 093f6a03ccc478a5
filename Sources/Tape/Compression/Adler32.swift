/// Adler-32 as zlib (RFC 1950) computes it: two sums modulo 65521, the second of the first.
struct Adler32 {
  /// The checksum so far.
  private(set) var value: UInt32 = 1

  /// The checksum of `bytes`.
  static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var adler = Adler32()
    adler.update(Array(bytes))
    return adler.value
  }

  /// Adds `bytes[range]` to the checksum.
  mutating func update(_ bytes: [UInt8], _ range: Range<Int>? = nil) {
    let range = (range ?? 0..<bytes.count).clamped(to: 0..<bytes.count)
    var low = value & 0xffff
    var high = value >> 16
    var index = range.lowerBound
    while index < range.upperBound {
      // 5552 bytes is the most that can be summed before the UInt32 sums may overflow.
      let end = min(range.upperBound, index + 5552)
      while index < end {
        low &+= UInt32(bytes[index])
        high &+= low
        index += 1
      }
      low %= 65521
      high %= 65521
    }
    value = high << 16 | low
  }
}
