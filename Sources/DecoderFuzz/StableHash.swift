import JSONTree

/// FNV-1a, 64 bits: a hash that is the same on every machine and in every process, for
/// deriving random streams and naming finding files.
public enum StableHash {
  /// The FNV-1a hash of `bytes`.
  public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01B3
    }
    return hash
  }

  /// The FNV-1a hash of a string's UTF-8.
  public static func fnv1a(_ text: String) -> UInt64 {
    fnv1a(text.utf8)
  }

  /// The FNV-1a hash of a tree, taken over an unambiguous walk of it (a type tag before
  /// each value, strings and lexemes ended by 0xFF, which UTF-8 never holds, containers
  /// closed by a tag) instead of its serialized text: the same on every machine, without
  /// writing the text (the polling-sequence oracle hashes every input's cosmetic part).
  public static func fnv1a(_ tree: JSONValue) -> UInt64 {
    var hasher = TreeHasher()
    hasher.walk(tree)
    return hasher.value
  }

  /// Sixteen lower-case hexadecimal digits.
  public static func hex(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
