/// Decodes raw deflate streams (RFC 1951: stored, fixed and dynamic Huffman blocks) from one
/// input into one growing output, one stream after another (the members of a gzip body).
///
/// Never traps on hostile input: every read of the input is checked against its end (bits
/// past it read as zeros, and consuming one is a `truncated` error), every back-reference
/// against the output of its own stream, every code against its table, and the output
/// against `limit` before it grows.
struct DeflateDecoder {
  /// The whole compressed body, framing included.
  let input: [UInt8]
  /// The most output bytes, over every stream decoded.
  let limit: Int
  /// The decoded bytes: `storage[0..<produced]` (the rest is room to grow into).
  private var storage: [UInt8]
  /// How many bytes of `storage` are decoded.
  private(set) var produced = 0

  /// The next input byte to take into the bit buffer.
  private var position = 0
  /// Bits taken from the input but not yet consumed, the next one lowest.
  private var bitBuffer: UInt64 = 0
  /// How many bits `bitBuffer` holds.
  private var bitCount = 0
  /// How many zero bytes past the input's end `bitBuffer` holds (its highest bits).
  private var phantomBytes = 0

  /// A decoder of `input`, producing at most `limit` bytes.
  init(input: [UInt8], limit: Int) {
    self.input = input
    self.limit = max(0, limit)
    self.storage = [UInt8](repeating: 0, count: min(self.limit, max(4096, input.count * 4)))
  }

  /// The decoded bytes so far.
  var output: [UInt8] {
    Array(storage[0..<produced])
  }

  /// The decoded bytes so far, `storage` given up (the decoder is done with).
  mutating func takeOutput() -> [UInt8] {
    storage.removeLast(storage.count - produced)
    return storage
  }

  /// Adds `storage[range]` to `checksum`, without copying.
  func checksum(_ range: Range<Int>, into crc: inout CRC32) {
    crc.update(storage, range.clamped(to: 0..<produced))
  }

  /// Adds `storage[range]` to `checksum`, without copying.
  func checksum(_ range: Range<Int>, into adler: inout Adler32) {
    adler.update(storage, range.clamped(to: 0..<produced))
  }

  /// The input byte holding the next unread bit (where an error is reported).
  var offset: Int {
    let realBits = bitCount - 8 * phantomBytes
    guard realBits >= 0 else { return input.count }
    return max(0, min(input.count, position - (realBits + 7) / 8))
  }

  /// Decodes one deflate stream starting at input byte `start`, appending to the output.
  ///
  /// - Returns: the input offset just after the stream (its last byte padded).
  mutating func decodeStream(at start: Int) throws(InflateError) -> Int {
    position = max(0, min(start, input.count))
    bitBuffer = 0
    bitCount = 0
    phantomBytes = 0
    let streamStart = produced
    var isFinal = false
    while !isFinal {
      isFinal = try bits(1) == 1
      switch try bits(2) {
      case 0: try storedBlock()
      case 1:
        try huffmanBlock(
          literals: HuffmanTable.fixedLiterals, distances: HuffmanTable.fixedDistances,
          streamStart: streamStart)
      case 2:
        let (literals, distances) = try dynamicTables()
        try huffmanBlock(literals: literals, distances: distances, streamStart: streamStart)
      default:
        throw InflateError(.invalidBlockType, at: offset)
      }
    }
    try alignToByte()
    return position
  }

  // MARK: Bits

  /// Fills the bit buffer to at least 57 bits, with zeros past the input's end.
  @inline(__always)
  private mutating func refill() {
    if phantomBytes == 0, position + 8 <= input.count, bitCount <= 56 {
      // The common case, a byte at a time without the end check.
      while bitCount <= 56 {
        bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
        position += 1
        bitCount += 8
      }
      return
    }
    while bitCount <= 56 {
      if position < input.count {
        bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
        position += 1
      } else {
        phantomBytes += 1
      }
      bitCount += 8
    }
  }

  /// Consumes `count` bits; a `truncated` error when that reaches past the input's end.
  @inline(__always)
  private mutating func consume(_ count: Int) throws(InflateError) {
    bitBuffer >>= UInt64(count)
    bitCount -= count
    if bitCount < 8 * phantomBytes {
      throw InflateError(.truncated, at: input.count)
    }
  }

  /// The next `count` bits (at most 32), least significant first.
  @inline(__always)
  private mutating func bits(_ count: Int) throws(InflateError) -> Int {
    if bitCount < count { refill() }
    let value = Int(truncatingIfNeeded: bitBuffer & ((1 << UInt64(count)) &- 1))
    try consume(count)
    return value
  }

  /// The next symbol of `table`'s code.
  @inline(__always)
  private mutating func symbol(_ table: HuffmanTable) throws(InflateError) -> Int {
    if bitCount < 15 { refill() }
    let entry = table.entries[Int(truncatingIfNeeded: bitBuffer & table.mask)]
    guard entry != 0 else { throw InflateError(.invalidCode, at: offset) }
    try consume(Int(entry & 15))
    return Int(entry >> 4)
  }

  /// Drops the rest of the current byte and gives back the whole bytes the bit buffer
  /// holds, so that `position` is the next unread byte.
  private mutating func alignToByte() throws(InflateError) {
    try consume(bitCount % 8)
    let realBytes = bitCount / 8 - phantomBytes
    guard realBytes >= 0 else { throw InflateError(.truncated, at: input.count) }
    position -= realBytes
    bitBuffer = 0
    bitCount = 0
    phantomBytes = 0
  }

  // MARK: Output

  /// Makes room for `count` more output bytes, or a limit error.
  @inline(__always)
  private mutating func reserve(_ count: Int) throws(InflateError) {
    guard count <= limit - produced else {
      throw InflateError(.outputLimitExceeded(limit: limit), at: offset)
    }
    if produced + count > storage.count { grow(to: produced + count) }
  }

  private mutating func grow(to needed: Int) {
    let size = min(limit, max(needed, storage.count * 2, 4096))
    storage.append(contentsOf: repeatElement(0, count: size - storage.count))
  }

  // MARK: Blocks

  /// A stored block (RFC 1951 §3.2.4): LEN, NLEN, then LEN bytes as they are.
  private mutating func storedBlock() throws(InflateError) {
    try alignToByte()
    guard input.count - position >= 4 else { throw InflateError(.truncated, at: input.count) }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
    guard length == ~complement & 0xffff else {
      throw InflateError(
        .storedLengthMismatch(length: length, complement: complement), at: position)
    }
    position += 4
    guard input.count - position >= length else {
      throw InflateError(.truncated, at: input.count)
    }
    try reserve(length)
    storage.replaceSubrange(produced..<produced + length, with: input[position..<position + length])
    produced += length
    position += length
  }

  /// The order the code-length code's lengths come in (RFC 1951 §3.2.7).
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// A dynamic block's header (RFC 1951 §3.2.7): its literal/length and distance codes.
  private mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
    let literalCount = try bits(5) + 257
    let distanceCount = try bits(5) + 1
    let codeLengthCount = try bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw InflateError(
        .invalidCodeLengths("\(literalCount) literal/length and \(distanceCount) distance codes"),
        at: offset)
    }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      codeLengthLengths[Self.codeLengthOrder[index]] = UInt8(try bits(3))
    }
    let codeLengths = try HuffmanTable(
      lengths: codeLengthLengths, kind: .codeLengths, offset: offset)
    let total = literalCount + distanceCount
    var lengths = [UInt8](repeating: 0, count: total)
    var index = 0
    while index < total {
      let symbol = try symbol(codeLengths)
      if symbol < 16 {
        lengths[index] = UInt8(symbol)
        index += 1
        continue
      }
      var value: UInt8 = 0
      let repeats: Int
      switch symbol {
      case 16:
        guard index > 0 else {
          throw InflateError(.invalidCodeLengths("a repeat with no previous length"), at: offset)
        }
        value = lengths[index - 1]
        repeats = 3 + (try bits(2))
      case 17: repeats = 3 + (try bits(3))
      default: repeats = 11 + (try bits(7))
      }
      guard repeats <= total - index else {
        throw InflateError(.invalidCodeLengths("a repeat past the last length"), at: offset)
      }
      for _ in 0..<repeats {
        lengths[index] = value
        index += 1
      }
    }
    guard lengths[256] != 0 else {
      throw InflateError(.invalidCodeLengths("no end-of-block code"), at: offset)
    }
    let literals = try HuffmanTable(
      lengths: Array(lengths[0..<literalCount]), kind: .symbols, offset: offset)
    let distances = try HuffmanTable(
      lengths: Array(lengths[literalCount...]), kind: .symbols, offset: offset)
    return (literals, distances)
  }

  /// Base lengths of length symbols 257...285, and their extra bits.
  private static let lengthBase: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtra: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// Base distances of distance symbols 0...29, and their extra bits.
  private static let distanceBase: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12_289, 16_385, 24_577,
  ]
  private static let distanceExtra: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  /// A block of Huffman codes, up to its end-of-block symbol.
  private mutating func huffmanBlock(
    literals: HuffmanTable, distances: HuffmanTable, streamStart: Int
  ) throws(InflateError) {
    while true {
      let symbol = try symbol(literals)
      if symbol < 256 {
        if produced == storage.count { try reserve(1) }
        storage[produced] = UInt8(truncatingIfNeeded: symbol)
        produced += 1
        continue
      }
      if symbol == 256 { return }
      let lengthIndex = symbol - 257
      guard lengthIndex < 29 else { throw InflateError(.invalidSymbol(symbol), at: offset) }
      let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
      let distanceSymbol = try self.symbol(distances)
      guard distanceSymbol < 30 else {
        throw InflateError(.invalidSymbol(distanceSymbol), at: offset)
      }
      let distance =
        Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
      guard distance <= produced - streamStart else {
        throw InflateError(
          .distanceTooFarBack(distance: distance, available: produced - streamStart), at: offset)
      }
      try reserve(length)
      copy(length: length, distance: distance)
    }
  }

  /// Appends `length` bytes copied from `distance` back (overlapping when the distance is
  /// shorter than the length). The caller has checked both against the output.
  @inline(__always)
  private mutating func copy(length: Int, distance: Int) {
    let end = produced + length
    storage.withUnsafeMutableBufferPointer { buffer in
      // Checked by the caller: distance <= produced, end <= buffer.count.
      guard let base = buffer.baseAddress, distance <= produced, end <= buffer.count else {
        return
      }
      var target = produced
      if distance >= length {
        (base + target).update(from: base + target - distance, count: length)
      } else {
        while target < end {
          base[target] = base[target - distance]
          target += 1
        }
      }
    }
    produced = end
  }
}
