/// The framing of a zlib stream (RFC 1950): a two-byte header, a deflate stream, and the
/// data's Adler-32, most significant byte first. This is what HTTP's `deflate` coding
/// means (RFC 9110 §8.4.1.2), though some servers send raw deflate under that name.
enum ZlibStream {
  /// Whether `input` starts with a valid zlib header: method 8, a window of at most 32 KiB,
  /// and the header check (a multiple of 31).
  static func hasHeader(_ input: [UInt8]) -> Bool {
    guard input.count >= 2 else { return false }
    let method = input[0] & 0x0f
    let window = input[0] >> 4
    return method == 8 && window <= 7 && (Int(input[0]) << 8 | Int(input[1])) % 31 == 0
  }

  /// Reads the header.
  ///
  /// - Returns: the offset of the deflate stream (2).
  static func header(in input: [UInt8]) throws(InflateError) -> Int {
    guard input.count >= 2 else { throw InflateError(.truncated, at: input.count) }
    guard input[0] & 0x0f == 8 else {
      throw InflateError(.unsupportedMethod(Int(input[0] & 0x0f)), at: 0)
    }
    guard hasHeader(input) else { throw InflateError(.notZlib, at: 0) }
    guard input[1] & 0x20 == 0 else { throw InflateError(.presetDictionary, at: 1) }
    return 2
  }

  /// Checks the Adler-32 at `start` against `decoder`'s whole output.
  ///
  /// - Returns: the offset after it.
  static func trailer(
    in input: [UInt8], at start: Int, decoder: DeflateDecoder
  ) throws(InflateError) -> Int {
    guard input.count - start >= 4 else { throw InflateError(.truncated, at: input.count) }
    let expected = (0..<4).reduce(UInt32(0)) { value, index in
      value << 8 | UInt32(input[start + index])
    }
    var adler = Adler32()
    decoder.checksum(0..<decoder.produced, into: &adler)
    guard expected == adler.value else {
      throw InflateError(.adlerMismatch(expected: expected, actual: adler.value), at: start)
    }
    return start + 4
  }
}
