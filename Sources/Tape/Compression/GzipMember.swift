/// The framing of one gzip member (RFC 1952): a header, a deflate stream, and a trailer of
/// the data's CRC-32 and length modulo 2^32.
enum GzipMember {
  /// The header flags (FLG).
  private static let headerChecksum = 0x02
  private static let extraField = 0x04
  private static let fileName = 0x08
  private static let comment = 0x10
  private static let reservedFlags = 0xe0

  /// Reads the header starting at `start`, checking its CRC-16 when it has one (FHCRC).
  ///
  /// - Returns: the offset of the deflate stream.
  static func header(in input: [UInt8], at start: Int) throws(InflateError) -> Int {
    guard input.count - start >= 10 else {
      if input.count - start >= 2, input[start] != 0x1f || input[start + 1] != 0x8b {
        throw InflateError(.notGzip, at: start)
      }
      throw InflateError(.truncated, at: input.count)
    }
    guard input[start] == 0x1f, input[start + 1] == 0x8b else {
      throw InflateError(.notGzip, at: start)
    }
    guard input[start + 2] == 8 else {
      throw InflateError(.unsupportedMethod(Int(input[start + 2])), at: start + 2)
    }
    let flags = Int(input[start + 3])
    guard flags & reservedFlags == 0 else {
      throw InflateError(.reservedFlags(flags), at: start + 3)
    }
    var position = start + 10  // MTIME, XFL and OS are not checked
    if flags & extraField != 0 {
      guard input.count - position >= 2 else { throw InflateError(.truncated, at: input.count) }
      let length = Int(input[position]) | Int(input[position + 1]) << 8
      position += 2
      guard input.count - position >= length else {
        throw InflateError(.truncated, at: input.count)
      }
      position += length
    }
    for flag in [fileName, comment] where flags & flag != 0 {
      // Zero-terminated Latin-1 text.
      guard let end = input[position...].firstIndex(of: 0) else {
        throw InflateError(.truncated, at: input.count)
      }
      position = end + 1
    }
    if flags & headerChecksum != 0 {
      guard input.count - position >= 2 else { throw InflateError(.truncated, at: input.count) }
      let expected = UInt16(input[position]) | UInt16(input[position + 1]) << 8
      var crc = CRC32()
      crc.update(input, start..<position)
      let actual = UInt16(truncatingIfNeeded: crc.value)
      guard expected == actual else {
        throw InflateError(
          .headerChecksumMismatch(expected: expected, actual: actual), at: position)
      }
      position += 2
    }
    return position
  }

  /// Checks the trailer at `start` against the member's data, `decoder.output[range]`.
  ///
  /// - Returns: the offset after the trailer.
  static func trailer(
    in input: [UInt8], at start: Int, decoder: DeflateDecoder, range: Range<Int>
  ) throws(InflateError) -> Int {
    guard input.count - start >= 8 else { throw InflateError(.truncated, at: input.count) }
    let expected = littleEndian(input, at: start)
    var crc = CRC32()
    decoder.checksum(range, into: &crc)
    guard expected == crc.value else {
      throw InflateError(.checksumMismatch(expected: expected, actual: crc.value), at: start)
    }
    let size = littleEndian(input, at: start + 4)
    let actual = UInt32(truncatingIfNeeded: range.count)
    guard size == actual else {
      throw InflateError(.sizeMismatch(expected: size, actual: actual), at: start + 4)
    }
    return start + 8
  }

  /// Four bytes at `offset` (the caller checked they are there), least significant first.
  private static func littleEndian(_ input: [UInt8], at offset: Int) -> UInt32 {
    (0..<4).reduce(0) { value, index in value | UInt32(input[offset + index]) << (8 * index) }
  }
}
