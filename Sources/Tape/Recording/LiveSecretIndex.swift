import Foundation
import SystemInterface

/// The live secrets of a session, indexed so that one pass over a string finds every form
/// of every one of them, however many there are (a session signed with AK/SK adds a new
/// signature with each request): the forms the scan before writing looks for (as it came,
/// percent-encoded, base64-encoded), filed under their first four bytes.
///
/// ``apply(_:_:)`` replaces what ``LiveSecretSubstitution`` replaces (a value of at least
/// ``LiveSecretSubstitution/minimumLength`` bytes, as it came or percent-encoded) by its
/// placeholder, and every other form (a shorter value, any base64-encoded one), which the
/// scan would refuse, by ``WithheldSecret/marker``.
struct LiveSecretIndex: Sendable {
  /// One form of one secret, and what it becomes.
  private struct Needle: Sendable {
    var bytes: [UInt8]
    var replacement: [UInt8]
    var isWithheld: Bool
  }

  /// What ``apply(_:_:)`` replaced in a string.
  struct Replaced: Sendable {
    /// A value became the live-secret placeholder.
    var substituted = false
    /// A value became the withheld marker.
    var withheld = false
  }

  /// The needles by their first four bytes, longest first.
  private var buckets: [UInt32: [Needle]] = [:]
  /// One bit per hash of a four-byte key present in ``buckets``: most positions are skipped
  /// without a dictionary lookup.
  private var present = [UInt64](repeating: 0, count: 1 << 10)
  /// The secrets indexed.
  private(set) var secrets: Set<String> = []

  /// Whether no secret is indexed.
  var isEmpty: Bool { secrets.isEmpty }

  /// Indexes `secret` (one the scan looks for: at least 4 characters); returns its forms
  /// when it is new, none when it was known or is too short.
  mutating func add(_ secret: String) -> [[UInt8]] {
    guard secret.count >= 4, secrets.insert(secret).inserted else { return [] }
    let substitutes = secret.utf8.count >= LiveSecretSubstitution.minimumLength
    let placeholder = Array(LiveSecretSubstitution.placeholder.utf8)
    let marker = Array(WithheldSecret.marker.utf8)
    var needles = [
      Needle(
        bytes: Array(secret.utf8), replacement: substitutes ? placeholder : marker,
        isWithheld: !substitutes)
    ]
    if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
      encoded != secret
    {
      needles.append(
        Needle(
          bytes: Array(encoded.utf8), replacement: substitutes ? placeholder : marker,
          isWithheld: !substitutes))
    }
    needles.append(
      Needle(
        bytes: Array(Data(secret.utf8).base64EncodedString().utf8), replacement: marker,
        isWithheld: true))
    for needle in needles where needle.bytes.count >= 4 {
      let key = Self.key(needle.bytes, at: 0)
      var bucket = buckets[key] ?? []
      guard !bucket.contains(where: { $0.bytes == needle.bytes }) else { continue }
      bucket.append(needle)
      bucket.sort { $0.bytes.count > $1.bytes.count }
      buckets[key] = bucket
      let bit = Self.bit(key)
      present[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    return needles.map(\.bytes)
  }

  /// `text` with every form of every secret replaced, longest first at each position, in one
  /// left-to-right pass (what is put in is never looked at again).
  func apply(_ text: String, _ replaced: inout Replaced) -> String {
    guard !buckets.isEmpty, text.utf8.count >= 4 else { return text }
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    var copied = 0
    var index = 0
    bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress!
      scanning: while index + 4 <= buffer.count {
        let key = Self.key(base + index)
        let bit = Self.bit(key)
        if present[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let bucket = buckets[key] {
          for needle in bucket
          where needle.bytes.count <= buffer.count - index
            && memcmp(base + index, needle.bytes, needle.bytes.count) == 0
          {
            output.append(contentsOf: buffer[copied..<index])
            output.append(contentsOf: needle.replacement)
            if needle.isWithheld { replaced.withheld = true } else { replaced.substituted = true }
            index += needle.bytes.count
            copied = index
            continue scanning
          }
        }
        index += 1
      }
    }
    guard copied > 0 else { return text }
    output.append(contentsOf: bytes[copied...])
    return String(decoding: output, as: UTF8.self)
  }

  /// The four bytes at `offset` as one number.
  static func key(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes.withUnsafeBufferPointer { key($0.baseAddress! + offset) }
  }

  /// The four bytes at `pointer` as one number.
  static func key(_ pointer: UnsafePointer<UInt8>) -> UInt32 {
    UInt32(pointer[0]) | UInt32(pointer[1]) << 8 | UInt32(pointer[2]) << 16
      | UInt32(pointer[3]) << 24
  }

  /// The bit of ``present`` a key sets.
  private static func bit(_ key: UInt32) -> Int {
    Int((key &* 0x9E37_79B1) >> 16)
  }
}
