/// A canonical Huffman code (RFC 1951 §3.2.2) as one lookup table indexed by the next
/// `width` bits of the stream, least significant bit first: each entry holds the symbol and
/// its code's length, or 0 for bits that start no code.
struct HuffmanTable: Sendable {
  /// `symbol << 4 | length`, or 0.
  let entries: [UInt16]
  /// The longest code's length: how many bits an entry is looked up by.
  let width: Int
  /// `(1 << width) - 1`.
  let mask: UInt64

  /// Which code the lengths describe: they differ in what an incomplete code may be.
  enum Kind {
    /// The code-length code of a dynamic block header: must be complete.
    case codeLengths
    /// A literal/length or distance code: complete, or a single code of length 1, or (for
    /// distances) none at all.
    case symbols
  }

  /// The table for the code whose symbol `i` has a code of `lengths[i]` bits (0: unused).
  ///
  /// - Throws: `invalidCodeLengths` at `offset` for an over-subscribed code, or an
  ///   incomplete one where it may not be.
  init(lengths: [UInt8], kind: Kind, offset: Int) throws(InflateError) {
    var counts = [Int](repeating: 0, count: 16)
    for length in lengths {
      guard length <= 15 else {
        throw InflateError(.invalidCodeLengths("a code length of \(length)"), at: offset)
      }
      counts[Int(length)] += 1
    }
    let width = (1...15).last { counts[$0] > 0 } ?? 0
    guard width > 0 else {
      // No codes: only a distance code may be empty (a block of literals only); any
      // attempt to decode with it is an invalid code.
      guard kind == .symbols else {
        throw InflateError(.invalidCodeLengths("no codes"), at: offset)
      }
      self.entries = [0, 0]
      self.width = 1
      self.mask = 1
      return
    }
    var left = 1
    for length in 1...15 {
      left = left * 2 - counts[length]
      guard left >= 0 else {
        throw InflateError(.invalidCodeLengths("over-subscribed"), at: offset)
      }
    }
    if left > 0, kind == .codeLengths || width != 1 {
      throw InflateError(.invalidCodeLengths("incomplete"), at: offset)
    }
    var next = [Int](repeating: 0, count: 16)
    var code = 0
    for length in 1...15 {
      code = (code + counts[length - 1]) << 1
      next[length] = code
    }
    next[0] = 0
    let size = 1 << width
    var entries = [UInt16](repeating: 0, count: size)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      let length = Int(length)
      let code = next[length]
      next[length] += 1
      var reversed = 0
      for bit in 0..<length where code & (1 << bit) != 0 {
        reversed |= 1 << (length - 1 - bit)
      }
      let entry = UInt16(symbol << 4 | length)
      var index = reversed
      while index < size {
        entries[index] = entry
        index += 1 << length
      }
    }
    self.entries = entries
    self.width = width
    self.mask = UInt64(size - 1)
  }

  /// The fixed literal/length code of RFC 1951 §3.2.6 (symbols 286 and 287 included, which
  /// decode to an invalid-symbol error).
  static let fixedLiterals: HuffmanTable = {
    var lengths = [UInt8](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    // A valid, complete code: cannot throw.
    return try! HuffmanTable(lengths: lengths, kind: .symbols, offset: 0)
  }()

  /// The fixed distance code: 5 bits for each of 32 symbols (30 and 31 invalid).
  static let fixedDistances: HuffmanTable = {
    try! HuffmanTable(lengths: [UInt8](repeating: 5, count: 32), kind: .symbols, offset: 0)
  }()
}
