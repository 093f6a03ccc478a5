/// HMAC with SHA-256 (RFC 2104), streaming or in one go.
///
/// ```swift
/// let code = HMACSHA256.authenticationCode(for: message.utf8, key: secret.utf8)
/// ```
///
/// A key longer than the 64-byte block is hashed first; a shorter one is padded with zeros.
public struct HMACSHA256: Sendable {
  /// The inner hash, already fed the key XOR ipad.
  private var inner: SHA256
  /// The outer hash, already fed the key XOR opad.
  private let outer: SHA256

  /// Creates an authenticator for `key`.
  public init(key: some Sequence<UInt8>) {
    var block = Array(key)
    if block.count > SHA256.blockByteCount {
      block = SHA256.hash(block).bytes
    }
    block.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - block.count))
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5C })
    self.inner = inner
    self.outer = outer
  }

  /// Computes the authentication code of `message` under `key` in one go.
  public static func authenticationCode(
    for message: some Sequence<UInt8>, key: some Sequence<UInt8>
  ) -> SHA256Digest {
    var authenticator = HMACSHA256(key: key)
    authenticator.update(message)
    return authenticator.finalize()
  }

  /// Feeds more message bytes.
  public mutating func update(_ message: some Sequence<UInt8>) {
    inner.update(message)
  }

  /// Returns the authentication code of every byte fed so far; the authenticator is unchanged.
  public func finalize() -> SHA256Digest {
    var outer = self.outer
    outer.update(inner.finalize().bytes)
    return outer.finalize()
  }
}
