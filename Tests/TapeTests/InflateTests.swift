import Foundation
import Testing

@testable import Tape

@Suite("Inflate")
struct InflateTests {
  typealias Decode = @Sendable (Data, Int) throws(InflateError) -> Data

  static let gzip: Decode = { data, limit throws(InflateError) in
    try Inflate.gzip(data, limit: limit)
  }
  static let zlib: Decode = { data, limit throws(InflateError) in
    try Inflate.zlib(data, limit: limit)
  }
  static let raw: Decode = { data, limit throws(InflateError) in
    try Inflate.raw(data, limit: limit)
  }

  /// The error `decode` throws for `data`, or nil when it decodes.
  static func error(_ data: Data, _ decode: Decode, limit: Int = Inflate.defaultLimit)
    -> InflateError?
  {
    do {
      _ = try decode(data, limit)
      return nil
    } catch {
      return error
    }
  }

  struct Vector: CustomTestStringConvertible, Sendable {
    let name: String
    let compressed: Data
    let expected: Data
    let format: String
    var testDescription: String { name }
  }

  static let vectors: [Vector] = {
    let inputs: [(String, Data)] = [
      ("short", InflateInputs.short), ("medium", InflateInputs.medium),
    ]
    var vectors: [Vector] = []
    let fixtures: [String: Data] = [
      "shortRaw0": InflateFixtures.shortRaw0, "shortZlib0": InflateFixtures.shortZlib0,
      "shortGzip0": InflateFixtures.shortGzip0, "shortRaw1": InflateFixtures.shortRaw1,
      "shortZlib1": InflateFixtures.shortZlib1, "shortGzip1": InflateFixtures.shortGzip1,
      "shortRaw6": InflateFixtures.shortRaw6, "shortZlib6": InflateFixtures.shortZlib6,
      "shortGzip6": InflateFixtures.shortGzip6, "shortRaw9": InflateFixtures.shortRaw9,
      "shortZlib9": InflateFixtures.shortZlib9, "shortGzip9": InflateFixtures.shortGzip9,
      "mediumRaw0": InflateFixtures.mediumRaw0, "mediumRaw1": InflateFixtures.mediumRaw1,
      "mediumZlib1": InflateFixtures.mediumZlib1, "mediumGzip1": InflateFixtures.mediumGzip1,
      "mediumRaw6": InflateFixtures.mediumRaw6, "mediumZlib6": InflateFixtures.mediumZlib6,
      "mediumGzip6": InflateFixtures.mediumGzip6, "mediumRaw9": InflateFixtures.mediumRaw9,
      "mediumZlib9": InflateFixtures.mediumZlib9, "mediumGzip9": InflateFixtures.mediumGzip9,
    ]
    for (input, data) in inputs {
      for level in [0, 1, 6, 9] {
        for format in ["Raw", "Zlib", "Gzip"] {
          let name = "\(input)\(format)\(level)"
          guard let compressed = fixtures[name] else { continue }
          vectors.append(
            Vector(name: name, compressed: compressed, expected: data, format: format))
        }
      }
    }
    return vectors + [
      Vector(
        name: "emptyRaw", compressed: InflateFixtures.emptyRaw, expected: Data(), format: "Raw"),
      Vector(
        name: "emptyZlib", compressed: InflateFixtures.emptyZlib, expected: Data(), format: "Zlib"),
      Vector(
        name: "emptyGzip", compressed: InflateFixtures.emptyGzip, expected: Data(), format: "Gzip"),
      Vector(
        name: "bigGzip9", compressed: InflateFixtures.bigGzip9, expected: InflateInputs.big,
        format: "Gzip"),
      Vector(
        name: "randomGzip6", compressed: InflateFixtures.randomGzip6,
        expected: InflateInputs.random, format: "Gzip"),
      Vector(
        name: "randomZlib6", compressed: InflateFixtures.randomZlib6,
        expected: InflateInputs.random, format: "Zlib"),
      Vector(
        name: "flaggedGzip", compressed: InflateFixtures.flaggedGzip,
        expected: InflateInputs.short, format: "Gzip"),
      Vector(
        name: "twoMembersGzip", compressed: InflateFixtures.twoMembersGzip,
        expected: InflateInputs.short + InflateInputs.medium, format: "Gzip"),
    ]
  }()

  @Test("known vectors from Python's zlib decode to their inputs", arguments: vectors)
  func knownVectors(vector: Vector) throws {
    let decoded: Data
    switch vector.format {
    case "Raw": decoded = try Inflate.raw(vector.compressed)
    case "Zlib": decoded = try Inflate.zlib(vector.compressed)
    default: decoded = try Inflate.gzip(vector.compressed)
    }
    #expect(decoded == vector.expected)
    // `deflate` takes both zlib and raw streams.
    if vector.format != "Gzip" {
      #expect(try Inflate.deflate(vector.compressed) == vector.expected)
    }
  }

  @Test("the vectors cover stored, fixed-code and dynamic-code blocks")
  func blockTypes() {
    func firstBlockType(_ raw: Data) -> UInt8 { (raw.first ?? 0) >> 1 & 3 }
    #expect(firstBlockType(InflateFixtures.shortRaw0) == 0)
    #expect(firstBlockType(InflateFixtures.mediumRaw0) == 0)
    #expect(firstBlockType(InflateFixtures.shortRaw6) == 1)
    #expect(firstBlockType(InflateFixtures.mediumRaw6) == 2)
    #expect(firstBlockType(InflateFixtures.emptyRaw) == 1)
  }

  @Test("CRC-32 and Adler-32 give the published check values")
  func checksums() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xcbf4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
    #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11e6_0398)
    #expect(Adler32.checksum([UInt8]()) == 1)
    // Python's zlib.crc32 of the inputs.
    #expect(CRC32.checksum(Array(InflateInputs.big)) == 1_217_748_818)
    #expect(CRC32.checksum(Array(InflateInputs.random)) == 603_708_182)
    // Adler-32's sums are reduced every 5,552 bytes: long runs of 0xff do not overflow.
    let ones = [UInt8](repeating: 0xff, count: 100_000)
    var expected: (UInt32, UInt32) = (1, 0)
    for byte in ones {
      expected.0 = (expected.0 + UInt32(byte)) % 65_521
      expected.1 = (expected.1 + expected.0) % 65_521
    }
    #expect(Adler32.checksum(ones) == expected.1 << 16 | expected.0)
  }

  // MARK: Corrupt input

  /// `data` with `byte` xored into the byte at `index`.
  static func flipping(_ data: Data, at index: Int, with byte: UInt8 = 0x01) -> Data {
    var bytes = [UInt8](data)
    bytes[index] ^= byte
    return Data(bytes)
  }

  @Test("a gzip trailer that does not match the data is an error naming its byte")
  func gzipTrailer() {
    let gzip = InflateFixtures.shortGzip6
    let crc = Self.error(Self.flipping(gzip, at: gzip.count - 8), Self.gzip)
    guard case .checksumMismatch = crc?.problem else {
      Issue.record("expected a CRC-32 mismatch, got \(String(describing: crc))")
      return
    }
    #expect(crc?.offset == gzip.count - 8)
    #expect(crc?.description.hasPrefix("CRC-32 mismatch (trailer says 0x") == true)
    let size = Self.error(Self.flipping(gzip, at: gzip.count - 4), Self.gzip)
    #expect(size == InflateError(.sizeMismatch(expected: 84, actual: 85), at: gzip.count - 4))
    // A flipped data bit changes the data: the CRC-32 catches it (or the code breaks).
    #expect(Self.error(Self.flipping(gzip, at: 40, with: 0x10), Self.gzip) != nil)
  }

  @Test("gzip headers: magic, method, reserved flags, header CRC, trailing garbage")
  func gzipHeaders() throws {
    let gzip = InflateFixtures.shortGzip6
    #expect(
      Self.error(InflateFixtures.shortZlib6, Self.gzip) == InflateError(.notGzip, at: 0))
    #expect(
      Self.error(Self.flipping(gzip, at: 2, with: 0x0f), Self.gzip)
        == InflateError(.unsupportedMethod(7), at: 2))
    #expect(
      Self.error(Self.flipping(gzip, at: 3, with: 0x20), Self.gzip)
        == InflateError(.reservedFlags(0x20), at: 3))
    let flagged = InflateFixtures.flaggedGzip
    let name = try #require(flagged.firstRange(of: Data("progress.json".utf8)))
    let header = Self.error(Self.flipping(flagged, at: name.lowerBound), Self.gzip)
    guard case .headerChecksumMismatch = header?.problem else {
      Issue.record("expected a header CRC mismatch, got \(String(describing: header))")
      return
    }
    #expect(
      Self.error(gzip + Data([0x41, 0x42]), Self.gzip) == InflateError(.notGzip, at: gzip.count))
    // Zero padding after the last member is not garbage.
    #expect(try Inflate.gzip(gzip + Data(count: 16)) == InflateInputs.short)
  }

  @Test("zlib: Adler-32, preset dictionary, header check, trailing bytes; raw: trailing bytes")
  func zlibFraming() {
    let zlib = InflateFixtures.shortZlib6
    let adler = Self.error(Self.flipping(zlib, at: zlib.count - 1), Self.zlib)
    guard case .adlerMismatch = adler?.problem else {
      Issue.record("expected an Adler-32 mismatch, got \(String(describing: adler))")
      return
    }
    #expect(adler?.offset == zlib.count - 4)
    #expect(
      Self.error(Data([0x78, 0xbb, 0, 0, 0, 1]), Self.zlib)
        == InflateError(.presetDictionary, at: 1))
    #expect(Self.error(Data([0x78, 0x9d, 3, 0]), Self.zlib) == InflateError(.notZlib, at: 0))
    #expect(
      Self.error(zlib + Data([0]), Self.zlib)
        == InflateError(.trailingData(count: 1), at: zlib.count))
    let raw = InflateFixtures.shortRaw6
    #expect(
      Self.error(raw + Data([0, 0]), Self.raw)
        == InflateError(.trailingData(count: 2), at: raw.count))
  }

  @Test("every truncation of a stream is a truncated error", arguments: ["gzip", "zlib", "raw"])
  func truncations(format: String) {
    let (streams, decode): ([Data], Decode) =
      switch format {
      case "gzip": ([InflateFixtures.shortGzip6, InflateFixtures.mediumGzip1], Self.gzip)
      case "zlib": ([InflateFixtures.shortZlib0, InflateFixtures.mediumZlib9], Self.zlib)
      default: ([InflateFixtures.mediumRaw0, InflateFixtures.mediumRaw6], Self.raw)
      }
    for stream in streams {
      for length in 0..<stream.count {
        let error = Self.error(stream.prefix(length), decode)
        #expect(
          error?.problem == .truncated, "\(format) cut at \(length): \(String(describing: error))")
      }
    }
  }

  @Test("blocks no compressor makes: each is an error naming what and where")
  func malformedBlocks() {
    // Block type 3.
    #expect(Self.error(Data([0x07]), Self.raw) == InflateError(.invalidBlockType, at: 0))
    // A stored block whose length's complement is wrong.
    #expect(
      Self.error(Data([0x01, 0x05, 0x00, 0x00, 0x00]), Self.raw)
        == InflateError(.storedLengthMismatch(length: 5, complement: 0), at: 1))

    // A copy of 3 bytes from 1 back, before anything was written.
    var tooFar = DeflateBits()
    tooFar.put(1, 1)
    tooFar.put(1, 2)
    tooFar.fixed(257)
    tooFar.code(0, 5)
    tooFar.fixed(256)
    #expect(
      Self.error(Data(tooFar.bytes), Self.raw)?.problem
        == .distanceTooFarBack(distance: 1, available: 0))

    // One literal, then a copy from 2 back.
    var oneShort = DeflateBits()
    oneShort.put(1, 1)
    oneShort.put(1, 2)
    oneShort.fixed(65)
    oneShort.fixed(257)
    oneShort.code(1, 5)
    oneShort.fixed(256)
    #expect(
      Self.error(Data(oneShort.bytes), Self.raw)?.problem
        == .distanceTooFarBack(distance: 2, available: 1))

    // A second gzip member cannot copy from the first: each is a stream of its own.
    var second = DeflateBits()
    second.put(1, 1)
    second.put(1, 2)
    second.fixed(257)
    second.code(0, 5)
    second.fixed(256)
    let member = Data(
      [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3] + second.bytes + [UInt8](repeating: 0, count: 8))
    #expect(
      Self.error(InflateFixtures.shortGzip6 + member, Self.gzip)?.problem
        == .distanceTooFarBack(distance: 1, available: 0))

    // Length symbol 286 and distance symbol 30 exist in the fixed code, not in deflate.
    var length286 = DeflateBits()
    length286.put(1, 1)
    length286.put(1, 2)
    length286.fixed(286)
    #expect(Self.error(Data(length286.bytes), Self.raw)?.problem == .invalidSymbol(286))
    var distance30 = DeflateBits()
    distance30.put(1, 1)
    distance30.put(1, 2)
    distance30.fixed(65)
    distance30.fixed(257)
    distance30.code(30, 5)
    #expect(Self.error(Data(distance30.bytes), Self.raw)?.problem == .invalidSymbol(30))
  }

  /// A dynamic block header: 257 literal/length and 1 distance codes, and the code-length
  /// code's lengths in their stored order.
  static func dynamicHeader(_ codeLengthLengths: [Int]) -> DeflateBits {
    var bits = DeflateBits()
    bits.put(1, 1)
    bits.put(2, 2)
    bits.put(0, 5)
    bits.put(0, 5)
    bits.put(codeLengthLengths.count - 4, 4)
    for length in codeLengthLengths { bits.put(length, 3) }
    return bits
  }

  @Test("bad Huffman code lengths are errors, never traps")
  func badCodeLengths() {
    func problem(_ bits: DeflateBits) -> InflateError.Problem? {
      Self.error(Data(bits.bytes), Self.raw)?.problem
    }
    // 19 codes of one bit: over-subscribed.
    #expect(
      problem(Self.dynamicHeader(Array(repeating: 1, count: 19)))
        == .invalidCodeLengths("over-subscribed"))
    // One code of one bit: an incomplete code-length code.
    #expect(problem(Self.dynamicHeader([1, 0, 0, 0])) == .invalidCodeLengths("incomplete"))
    // No code at all.
    #expect(problem(Self.dynamicHeader([0, 0, 0, 0])) == .invalidCodeLengths("no codes"))

    // Code-length symbols 0 ('0') and 16 ('1'): a repeat first, with nothing to repeat.
    var repeatFirst = Self.dynamicHeader([1, 0, 0, 1])
    repeatFirst.code(1, 1)
    #expect(problem(repeatFirst) == .invalidCodeLengths("a repeat with no previous length"))

    // Code-length symbols 0 ('0') and 8 ('1'): 256 literals of 8 bits, no end-of-block.
    var noEnd = Self.dynamicHeader([0, 0, 0, 1, 1])
    for _ in 0..<256 { noEnd.code(1, 1) }
    noEnd.code(0, 1)
    noEnd.code(1, 1)
    #expect(problem(noEnd) == .invalidCodeLengths("no end-of-block code"))

    // Code-length symbols 8 ('0') and 18 ('1'): 138 zeros, then 138 more (past the 258).
    var pastEnd = Self.dynamicHeader([0, 0, 1, 0, 1])
    pastEnd.code(1, 1)
    pastEnd.put(127, 7)
    pastEnd.code(1, 1)
    pastEnd.put(127, 7)
    #expect(problem(pastEnd) == .invalidCodeLengths("a repeat past the last length"))

    // Code-length symbols 1 ('0') and 18 ('1'): literal/length codes of one bit for 0, 1
    // and 256, which is one too many.
    var literals = Self.dynamicHeader([0, 0, 1] + Array(repeating: 0, count: 14) + [1])
    literals.code(0, 1)
    literals.code(0, 1)
    literals.code(1, 1)
    literals.put(127, 7)  // 138 zeros: 2...139
    literals.code(1, 1)
    literals.put(105, 7)  // 116 zeros: 140...255
    literals.code(0, 1)  // 256
    literals.code(0, 1)  // the one distance code
    #expect(problem(literals) == .invalidCodeLengths("over-subscribed"))
  }

  @Test("the output stops at the limit: a decompression bomb is an error")
  func bomb() throws {
    #expect(Inflate.defaultLimit == 64 << 20)
    let big = InflateFixtures.bigGzip9
    #expect(try Inflate.gzip(big, limit: 1 << 20) == InflateInputs.big)
    #expect(
      Self.error(big, Self.gzip, limit: (1 << 20) - 1)?.problem
        == .outputLimitExceeded(limit: (1 << 20) - 1))
    // 60 KiB of fixed codes, each copying 258 bytes from 1 back: 1.2 GB if let run.
    var bits = DeflateBits()
    bits.put(1, 1)
    bits.put(1, 2)
    bits.fixed(0)
    for _ in 0..<38_000 {
      bits.fixed(285)
      bits.code(0, 5)
    }
    bits.fixed(256)
    let bomb = Data(bits.bytes)
    let error = Self.error(bomb, Self.raw, limit: 4 << 20)
    #expect(error?.problem == .outputLimitExceeded(limit: 4 << 20))
    #expect((error?.offset ?? .max) < bomb.count)
    #expect(try Inflate.raw(bomb, limit: 10 << 20).count == 1 + 38_000 * 258)
  }

  @Test(
    "thousands of seeded random and mutated inputs never trap; a mutated gzip that decodes gives the original bytes"
  )
  func garbage() {
    var random = SplitMix(seed: 0x7a9e)
    let valid: [(Data, Data)] = [
      (InflateFixtures.shortGzip6, InflateInputs.short),
      (InflateFixtures.mediumGzip1, InflateInputs.medium),
      (InflateFixtures.mediumGzip9, InflateInputs.medium),
      (InflateFixtures.flaggedGzip, InflateInputs.short),
      (InflateFixtures.twoMembersGzip, InflateInputs.short + InflateInputs.medium),
    ]
    var decodedMutants = 0
    for round in 0..<6000 {
      var bytes: [UInt8]
      if round % 2 == 0 {
        // Pure garbage, half of it behind a valid gzip or zlib header to get past it.
        bytes = (0..<random.next(below: 300)).map { _ in UInt8(random.next(below: 256)) }
        if round % 4 == 0 { bytes = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3] + bytes }
        if round % 8 == 2 { bytes = [0x78, 0x9c] + bytes }
      } else {
        let (compressed, original) = valid[random.next(below: valid.count)]
        bytes = [UInt8](compressed)
        for _ in 0...random.next(below: 4) {
          bytes[random.next(below: bytes.count)] ^= UInt8(1 + random.next(below: 255))
        }
        if random.next(below: 4) == 0 { bytes.removeLast(random.next(below: bytes.count)) }
        if let decoded = try? Inflate.gzip(Data(bytes), limit: 1 << 20) {
          #expect(decoded == original, "round \(round)")
          decodedMutants += 1
        }
      }
      let data = Data(bytes)
      _ = try? Inflate.gzip(data, limit: 1 << 20)
      _ = try? Inflate.zlib(data, limit: 1 << 20)
      _ = try? Inflate.raw(data, limit: 1 << 20)
      _ = try? Inflate.deflate(data, limit: 1 << 20)
      _ = ContentDecoding.decode(data, coding: "deflate", limit: 1 << 20)
    }
    // Mutations of the header's MTIME, XFL or OS bytes leave the data as it was.
    #expect(decodedMutants > 0)
  }
}

/// SplitMix64: a seeded generator, the same numbers on every run.
struct SplitMix {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  mutating func next(below bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }
}
