/// CRC-32 as gzip (RFC 1952) and zlib compute it: the reflected polynomial 0xEDB88320,
/// initial value and final xor all ones. Eight bytes a step (slicing-by-8).
struct CRC32 {
  /// The checksum so far.
  private(set) var value: UInt32 = 0

  /// The checksum of `bytes`.
  static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(Array(bytes))
    return crc.value
  }

  /// Adds `bytes[range]` to the checksum.
  mutating func update(_ bytes: [UInt8], _ range: Range<Int>? = nil) {
    let range = (range ?? 0..<bytes.count).clamped(to: 0..<bytes.count)
    var crc = ~value
    bytes.withUnsafeBufferPointer { buffer in
      Self.tables.withUnsafeBufferPointer { table in
        var index = range.lowerBound
        let end = range.upperBound
        while end - index >= 8 {
          let low =
            crc
            ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8
              | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3]) << 24)
          let high =
            UInt32(buffer[index + 4]) | UInt32(buffer[index + 5]) << 8
            | UInt32(buffer[index + 6]) << 16 | UInt32(buffer[index + 7]) << 24
          crc =
            table[7 * 256 + Int(low & 0xff)] ^ table[6 * 256 + Int((low >> 8) & 0xff)]
            ^ table[5 * 256 + Int((low >> 16) & 0xff)] ^ table[4 * 256 + Int(low >> 24)]
            ^ table[3 * 256 + Int(high & 0xff)] ^ table[2 * 256 + Int((high >> 8) & 0xff)]
            ^ table[256 + Int((high >> 16) & 0xff)] ^ table[Int(high >> 24)]
          index += 8
        }
        while index < end {
          crc = table[Int((crc ^ UInt32(buffer[index])) & 0xff)] ^ (crc >> 8)
          index += 1
        }
      }
    }
    value = ~crc
  }

  /// Eight tables of 256 entries: the first the classic byte-at-a-time table, table `k` the
  /// CRC of a byte followed by `k` zero bytes.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
      tables[byte] = crc
    }
    for byte in 0..<256 {
      for slice in 1..<8 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = tables[Int(previous & 0xff)] ^ (previous >> 8)
      }
    }
    return tables
  }()
}
