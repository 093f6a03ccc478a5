import SystemInterface

extension String {
  /// Whether `needle`'s UTF-8 bytes occur in this string's, compared byte for byte (as a
  /// regular expression compares characters, without Unicode equivalence): `memchr` for the
  /// first byte, then `memcmp`. Foundation's `contains`, which bridges to `NSString`, was a
  /// quarter of a recording's time as the patterns' prefilter. (Glibc's `memmem` is not
  /// visible to Swift.)
  func containsBytes(of needle: String) -> Bool {
    var haystack = self
    var needle = needle
    return haystack.withUTF8 { text in
      needle.withUTF8 { part in
        guard let first = part.first else { return true }
        guard let base = text.baseAddress, text.count >= part.count else { return false }
        let last = base + (text.count - part.count)
        var cursor = base
        while cursor <= last {
          guard let found = memchr(cursor, Int32(first), last - cursor + 1) else { return false }
          let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
          if memcmp(candidate, part.baseAddress!, part.count) == 0 { return true }
          cursor = candidate + 1
        }
        return false
      }
    }
  }
}
