/// Why a compressed body could not be decoded: what went wrong, and at which byte of the
/// input (counted from the start of the whole body, framing included).
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Problem: Hashable, Sendable {
    /// The input ended before the stream did.
    case truncated
    /// A block header with the reserved block type 3.
    case invalidBlockType
    /// A stored block whose length and its one's complement disagree.
    case storedLengthMismatch(length: Int, complement: Int)
    /// A dynamic block's code lengths do not make a usable Huffman code (what is wrong).
    case invalidCodeLengths(String)
    /// Bits that are no code of the block's Huffman code.
    case invalidCode
    /// A length symbol (286, 287) or distance symbol (30, 31) that deflate does not use.
    case invalidSymbol(Int)
    /// A back-reference further back than the output so far.
    case distanceTooFarBack(distance: Int, available: Int)
    /// The output would pass the limit (a decompression bomb, or simply too large).
    case outputLimitExceeded(limit: Int)
    /// Not a gzip member: no `1f 8b` magic.
    case notGzip
    /// A gzip or zlib compression method other than deflate (8).
    case unsupportedMethod(Int)
    /// A gzip header with reserved flag bits set.
    case reservedFlags(Int)
    /// The gzip header's CRC-16 (FHCRC) does not match the header.
    case headerChecksumMismatch(expected: UInt16, actual: UInt16)
    /// The gzip trailer's CRC-32 does not match the data.
    case checksumMismatch(expected: UInt32, actual: UInt32)
    /// The gzip trailer's ISIZE does not match the data's length (modulo 2^32).
    case sizeMismatch(expected: UInt32, actual: UInt32)
    /// Not a zlib stream: a bad header check or window size.
    case notZlib
    /// A zlib stream that needs a preset dictionary (FDICT), which HTTP never has.
    case presetDictionary
    /// The zlib trailer's Adler-32 does not match the data.
    case adlerMismatch(expected: UInt32, actual: UInt32)
    /// Bytes after the end of the stream.
    case trailingData(count: Int)
  }

  /// What went wrong.
  public var problem: Problem
  /// The byte of the input where it was found.
  public var offset: Int

  /// Creates an error.
  public init(_ problem: Problem, at offset: Int) {
    self.problem = problem
    self.offset = offset
  }

  /// `CRC-32 mismatch (trailer says 0x12345678, data gives 0x9abcdef0) at byte 1234`.
  public var description: String {
    "\(what) at byte \(offset)"
  }

  private var what: String {
    switch problem {
    case .truncated: "truncated: the input ends before the stream"
    case .invalidBlockType: "invalid block type 3"
    case .storedLengthMismatch(let length, let complement):
      "stored block length \(length) does not match its complement \(complement)"
    case .invalidCodeLengths(let why): "invalid Huffman code lengths (\(why))"
    case .invalidCode: "invalid Huffman code"
    case .invalidSymbol(let symbol): "invalid length or distance symbol \(symbol)"
    case .distanceTooFarBack(let distance, let available):
      "distance \(distance) too far back (\(available) bytes decoded so far)"
    case .outputLimitExceeded(let limit): "output passes the limit of \(limit) bytes"
    case .notGzip: "not gzip (no 1f 8b magic)"
    case .unsupportedMethod(let method): "compression method \(method), not deflate (8)"
    case .reservedFlags(let flags): "reserved gzip header flags set (\(flags))"
    case .headerChecksumMismatch(let expected, let actual):
      "gzip header CRC-16 mismatch (header says \(hex(expected)), bytes give \(hex(actual)))"
    case .checksumMismatch(let expected, let actual):
      "CRC-32 mismatch (trailer says \(hex(expected)), data gives \(hex(actual)))"
    case .sizeMismatch(let expected, let actual):
      "ISIZE mismatch (trailer says \(expected), data is \(actual) bytes)"
    case .notZlib: "not a zlib stream (bad header check or window size)"
    case .presetDictionary: "zlib stream needs a preset dictionary"
    case .adlerMismatch(let expected, let actual):
      "Adler-32 mismatch (trailer says \(hex(expected)), data gives \(hex(actual)))"
    case .trailingData(let count): "\(count) bytes after the end of the stream"
    }
  }

  private func hex(_ value: some BinaryInteger) -> String {
    "0x" + String(value, radix: 16)
  }
}
