/// The 32-byte result of ``SHA256`` or ``HMACSHA256``.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  /// The digest bytes, most significant first.
  public let bytes: [UInt8]

  /// Wraps digest bytes; only the hashers create digests.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The bytes as lowercase hexadecimal, two characters per byte.
  public var hex: String {
    Hexadecimal.lowercase(bytes)
  }

  /// The lowercase hexadecimal form.
  public var description: String {
    hex
  }
}
