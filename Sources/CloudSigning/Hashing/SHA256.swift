/// A streaming SHA-256 hasher (FIPS 180-4).
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update("abc".utf8)
/// let digest = hasher.finalize()  // ba7816bf...
/// ```
///
/// Whole 64-byte blocks are compressed straight from the caller's contiguous storage; only a
/// final partial block is buffered until more bytes arrive.
public struct SHA256: Sendable {
  /// The size of a digest in bytes.
  public static let digestByteCount = 32
  /// The size of a block in bytes.
  public static let blockByteCount = 64

  /// The eight working hash words.
  private var state: State
  /// The bytes of an unfinished block, fewer than ``blockByteCount``.
  private var pending: [UInt8]
  /// How many message bytes were fed so far.
  private var messageByteCount: UInt64

  /// Creates a hasher holding the initial hash value of FIPS 180-4, section 5.3.3.
  public init() {
    state = State(
      a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
      e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)
    pending = []
    pending.reserveCapacity(Self.blockByteCount)
    messageByteCount = 0
  }

  /// Hashes `bytes` in one go.
  public static func hash(_ bytes: some Sequence<UInt8>) -> SHA256Digest {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Feeds more message bytes: `Data`, `[UInt8]`, a string's `utf8` view or any byte sequence.
  ///
  /// Contiguous storage is read in place; other sequences are copied in chunks.
  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let readInPlace: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(bufferPointer: UnsafeRawBufferPointer(buffer))
    }
    guard readInPlace == nil else { return }
    var chunk: [UInt8] = []
    chunk.reserveCapacity(4096)
    for byte in bytes {
      chunk.append(byte)
      if chunk.count == chunk.capacity {
        chunk.withUnsafeBytes { update(bufferPointer: $0) }
        chunk.removeAll(keepingCapacity: true)
      }
    }
    chunk.withUnsafeBytes { update(bufferPointer: $0) }
  }

  /// Feeds the bytes of a raw buffer.
  public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
    guard !bufferPointer.isEmpty else { return }
    messageByteCount &+= UInt64(bufferPointer.count)
    var input = bufferPointer[...]
    if !pending.isEmpty {
      let taken = input.prefix(Self.blockByteCount - pending.count)
      pending.append(contentsOf: taken)
      input = input[taken.endIndex...]
      guard pending.count == Self.blockByteCount else { return }
      var working = state
      pending.withUnsafeBytes { Self.compress(blocks: $0, into: &working) }
      state = working
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocksEnd = input.startIndex + input.count / Self.blockByteCount * Self.blockByteCount
    if wholeBlocksEnd > input.startIndex {
      Self.compress(
        blocks: UnsafeRawBufferPointer(rebasing: input[..<wholeBlocksEnd]), into: &state)
    }
    pending.append(contentsOf: input[wholeBlocksEnd...])
  }

  /// Returns the digest of every byte fed so far (FIPS 180-4 padding, section 5.1.1).
  ///
  /// The hasher itself is left as it was, so it can go on to hash a longer message.
  public func finalize() -> SHA256Digest {
    var tail = pending
    tail.reserveCapacity(2 * Self.blockByteCount)
    tail.append(0x80)
    let zeroCount = (Self.blockByteCount + 56 - tail.count % Self.blockByteCount) % 64
    tail.append(contentsOf: repeatElement(0, count: zeroCount))
    let messageBitCount = messageByteCount &* 8
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: messageBitCount >> UInt64(shift)))
    }
    var working = state
    tail.withUnsafeBytes { Self.compress(blocks: $0, into: &working) }
    return SHA256Digest(bytes: working.bigEndianBytes)
  }

  /// Runs the compression function over whole blocks (FIPS 180-4, section 6.2.2).
  private static func compress(blocks: UnsafeRawBufferPointer, into state: inout State) {
    assert(blocks.count % blockByteCount == 0, "only whole blocks are compressed")
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
      roundConstants.withUnsafeBufferPointer { constants in
        var hash = state
        var offset = 0
        while offset + blockByteCount <= blocks.count {
          for index in 0..<16 {
            schedule[index] = UInt32(
              bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self))
          }
          for index in 16..<64 {
            let early = schedule[index - 15]
            let late = schedule[index - 2]
            let sigma0 = rotateRight(early, 7) ^ rotateRight(early, 18) ^ (early &>> 3)
            let sigma1 = rotateRight(late, 17) ^ rotateRight(late, 19) ^ (late &>> 10)
            schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
          }
          var (a, b, c, d) = (hash.a, hash.b, hash.c, hash.d)
          var (e, f, g, h) = (hash.e, hash.f, hash.g, hash.h)
          // Eight rounds per pass, the roles of the working variables rotating instead of
          // the values moving (FIPS 180-4, section 6.2.2, step 3).
          var index = 0
          while index < 64 {
            let words = schedule.baseAddress! + index
            let keys = constants.baseAddress! + index
            round(a, b, c, &d, e, f, g, &h, keys[0] &+ words[0])
            round(h, a, b, &c, d, e, f, &g, keys[1] &+ words[1])
            round(g, h, a, &b, c, d, e, &f, keys[2] &+ words[2])
            round(f, g, h, &a, b, c, d, &e, keys[3] &+ words[3])
            round(e, f, g, &h, a, b, c, &d, keys[4] &+ words[4])
            round(d, e, f, &g, h, a, b, &c, keys[5] &+ words[5])
            round(c, d, e, &f, g, h, a, &b, keys[6] &+ words[6])
            round(b, c, d, &e, f, g, h, &a, keys[7] &+ words[7])
            index += 8
          }
          hash.a &+= a
          hash.b &+= b
          hash.c &+= c
          hash.d &+= d
          hash.e &+= e
          hash.f &+= f
          hash.g &+= g
          hash.h &+= h
          offset += blockByteCount
        }
        state = hash
      }
    }
  }

  /// One round: with `t1 = h + Σ1(e) + Ch(e, f, g) + K + W` and `t2 = Σ0(a) + Maj(a, b, c)`,
  /// `d` becomes `d + t1` and `h` becomes `t1 + t2`, which are the new `e` and `a`.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ keyPlusWord: UInt32
  ) {
    let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
    let choice = g ^ (e & (f ^ g))  // (e & f) ^ (~e & g)
    let temporary1 = h &+ bigSigma1 &+ choice &+ keyPlusWord
    let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
    let majority = (a & b) ^ (c & (a ^ b))  // (a & b) ^ (a & c) ^ (b & c)
    d &+= temporary1
    h = temporary1 &+ bigSigma0 &+ majority
  }

  @inline(__always)
  private static func rotateRight(_ word: UInt32, _ count: UInt32) -> UInt32 {
    (word &>> count) | (word &<< (32 - count))
  }

  /// The eight 32-bit words of the intermediate hash value, kept inline (no heap storage).
  private struct State: Sendable {
    var a, b, c, d, e, f, g, h: UInt32

    /// The words as big-endian bytes: the digest once the last block is compressed.
    var bigEndianBytes: [UInt8] {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(SHA256.digestByteCount)
      for word in [a, b, c, d, e, f, g, h] {
        bytes.append(UInt8(truncatingIfNeeded: word >> 24))
        bytes.append(UInt8(truncatingIfNeeded: word >> 16))
        bytes.append(UInt8(truncatingIfNeeded: word >> 8))
        bytes.append(UInt8(truncatingIfNeeded: word))
      }
      return bytes
    }
  }

  /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes
  /// (FIPS 180-4, section 4.2.2).
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
}
