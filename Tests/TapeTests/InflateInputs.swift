import Foundation

/// The inputs ``InflateFixtures`` compressed, made again the way the generator made them.
enum InflateInputs {
  /// A progress answer, 85 bytes.
  static let short = Data(
    #"{"task_id":"2b31ed52","status":"RUNNING","progress":{"ratio":"42%","info":"running"}}"#
      .utf8)

  /// A token answer whose `access_token` a recording must redact, 113 bytes.
  static let token = Data(
    #"{"access_token":"MIIZgzipLiveToken0123456789abcdef","expires_in":3600,"task":{"status":"SUCCESS","progress":100}}"#
      .utf8)

  /// 120 rows of JSON, 5,119 bytes.
  static let medium: Data = {
    let statuses = ["RUNNING", "SUCCESS", "FAILED"]
    let rows = (0..<120).map { index in
      #"{"id":\#(index),"status":"\#(statuses[index % 3])","ratio":"\#(index * 7 % 101)%"}"#
    }
    return Data(("[" + rows.joined(separator: ",") + "]").utf8)
  }()

  /// 1 MiB: 4,096 random hex digits and 28,000 dashes, again and again, so that the digits
  /// are copied from 32,096 bytes back (near the 32 KiB window's end), 258 bytes at a time.
  static let big: Data = {
    let digits = Array("0123456789abcdef".utf8)
    let block =
      lcg(seed: 7, count: 4096).map { digits[Int($0 & 15)] }
      + [UInt8](
        repeating: UInt8(ascii: "-"), count: 28_000)
    return Data((0..<40).flatMap { _ in block }.prefix(1 << 20))
  }()

  /// 1,500 pseudo-random bytes (incompressible).
  static let random = Data(lcg(seed: 42, count: 1500))

  /// Python's generator: `x = (x * 1103515245 + 12345) & 0x7fffffff`, each byte
  /// `(x >> 16) & 0xff`.
  static func lcg(seed: UInt32, count: Int) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
      state = (state &* 1_103_515_245 &+ 12_345) & 0x7fff_ffff
      return UInt8((state >> 16) & 0xff)
    }
  }
}

/// Writes deflate bits, least significant first, for streams no compressor would make.
struct DeflateBits {
  private(set) var bytes: [UInt8] = []
  private var used = 0

  /// Appends the low `count` bits of `value`, least significant first (header fields,
  /// extra bits).
  mutating func put(_ value: Int, _ count: Int) {
    for bit in 0..<count {
      if used == 0 { bytes.append(0) }
      if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << used) }
      used = (used + 1) % 8
    }
  }

  /// Appends a Huffman code of `count` bits, most significant first.
  mutating func code(_ value: Int, _ count: Int) {
    for bit in (0..<count).reversed() { put(value >> bit & 1, 1) }
  }

  /// A fixed-code literal/length symbol (RFC 1951 §3.2.6).
  mutating func fixed(_ symbol: Int) {
    switch symbol {
    case 0..<144: code(0x30 + symbol, 8)
    case 144..<256: code(0x190 + symbol - 144, 9)
    case 256..<280: code(symbol - 256, 7)
    default: code(0xc0 + symbol - 280, 8)
    }
  }
}
