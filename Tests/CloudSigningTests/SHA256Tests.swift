import CloudSigning
import Foundation
import SeededRandom
import Testing

@Suite("SHA-256")
struct SHA256Tests {
  /// The FIPS 180-4 example messages (NIST CSRC "SHA256.pdf" and "SHA2_Additional.pdf").
  @Test(
    "FIPS 180-4 / NIST example messages",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
          + "klmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func nistVectors(message: String, expected: String) {
    #expect(SHA256.hash(message.utf8).hex == expected)
    #expect(SHA256.hash(Data(message.utf8)).hex == expected)
  }

  @Test("one million 'a', in one go and in 1000-byte updates")
  func millionA() {
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hex == expected)
    var hasher = SHA256()
    let thousand = [UInt8](repeating: 0x61, count: 1_000)
    for _ in 0..<1_000 {
      hasher.update(thousand)
    }
    #expect(hasher.finalize().hex == expected)
  }

  /// Bytes `i % 251` for `i` in `0..<length`; expected values from Python's hashlib.
  @Test(
    "messages around the padding boundaries",
    arguments: [
      (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
      (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
      (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
      (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
      (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
      (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
      (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
      (127, "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
      (128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
    ])
  func paddingBoundaries(length: Int, expected: String) {
    let message = (0..<length).map { UInt8($0 % 251) }
    #expect(SHA256.hash(message).hex == expected)
  }

  /// Bytes `(31 i + 7) % 256` for `i` in `0..<1000`; expected value from Python's hashlib.
  static let streamedMessage = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }
  static let streamedDigest = "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"

  @Test(
    "streaming in fixed chunk sizes equals hashing in one go", arguments: [1, 3, 63, 64, 65, 999])
  func fixedChunks(size: Int) {
    var hasher = SHA256()
    for start in stride(from: 0, to: Self.streamedMessage.count, by: size) {
      hasher.update(Self.streamedMessage[start..<min(start + size, Self.streamedMessage.count)])
    }
    #expect(hasher.finalize().hex == Self.streamedDigest)
    #expect(SHA256.hash(Self.streamedMessage).hex == Self.streamedDigest)
  }

  @Test("streaming in random chunk sizes (empty chunks included) equals hashing in one go")
  func randomChunks() {
    var generator = SplitMix64(seed: 2_024)
    for _ in 0..<50 {
      var hasher = SHA256()
      var start = 0
      while start < Self.streamedMessage.count {
        let end = min(
          start + Int.random(in: 0...150, using: &generator), Self.streamedMessage.count)
        hasher.update(Self.streamedMessage[start..<end])
        start = end
      }
      #expect(hasher.finalize().hex == Self.streamedDigest)
    }
  }

  @Test("a sequence without contiguous storage hashes like an array")
  func nonContiguousSequence() {
    let lazyBytes = (0..<1_000).lazy.map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }
    #expect(SHA256.hash(lazyBytes).hex == Self.streamedDigest)
    var hasher = SHA256()
    hasher.update(AnySequence(Self.streamedMessage.prefix(10)))
    hasher.update(Self.streamedMessage.dropFirst(10))
    #expect(hasher.finalize().hex == Self.streamedDigest)
  }

  @Test("a raw buffer pointer hashes like the array")
  func rawBuffer() {
    var hasher = SHA256()
    Self.streamedMessage.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    #expect(hasher.finalize().hex == Self.streamedDigest)
  }

  @Test("finalize leaves the hasher usable for a longer message")
  func finalizeIsNotDestructive() {
    var hasher = SHA256()
    hasher.update("ab".utf8)
    #expect(hasher.finalize().hex == SHA256.hash("ab".utf8).hex)
    hasher.update("c".utf8)
    #expect(
      hasher.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test("the digest holds 32 bytes, and its description is the hex")
  func digestShape() {
    let digest = SHA256.hash("abc".utf8)
    #expect(digest.bytes.count == 32)
    #expect(digest.bytes.prefix(4) == [0xBA, 0x78, 0x16, 0xBF])
    #expect(digest.description == digest.hex)
    #expect(digest == SHA256.hash(Data("abc".utf8)))
    #expect(digest != SHA256.hash("abd".utf8))
  }
}
