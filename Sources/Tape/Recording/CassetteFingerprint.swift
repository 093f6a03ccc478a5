import Foundation

/// A short stable name for a cassette's bytes (64-bit FNV-1a and the length), for telling
/// whether the file on disk is the one a journal was about to write. Not a security
/// measure: it only tells versions of one file apart.
enum CassetteFingerprint {
  /// The fingerprint of `data`, such as `fnv1a64-0123456789abcdef-1234`.
  static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { buffer in
      for byte in buffer {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return "fnv1a64-" + String(repeating: "0", count: 16 - hex.count) + hex + "-\(data.count)"
  }

  /// The fingerprint of the file at `url`, or nil when it cannot be read.
  static func ofFile(at url: URL) -> String? {
    (try? Data(contentsOf: url)).map(of)
  }
}
