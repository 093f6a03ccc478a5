import CloudSigning
import Testing

@Suite("HMAC-SHA-256")
struct HMACSHA256Tests {
  /// RFC 4231, section 4: keys, data and HMAC-SHA-256 outputs of test cases 1 to 7.
  static let rfc4231: [(name: String, key: [UInt8], data: [UInt8], mac: String)] = [
    (
      "1", [UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    (
      "2: key shorter than the output", Array("Jefe".utf8),
      Array("what do ya want for nothing?".utf8),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    (
      "3: combined key and data of 50 bytes", [UInt8](repeating: 0xAA, count: 20),
      [UInt8](repeating: 0xDD, count: 50),
      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    ),
    (
      "4", Array(1...25), [UInt8](repeating: 0xCD, count: 50),
      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    ),
    (
      "6: key larger than the block", [UInt8](repeating: 0xAA, count: 131),
      Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    (
      "7: key and data larger than the block", [UInt8](repeating: 0xAA, count: 131),
      Array(
        ("This is a test using a larger than block-size key and a larger than block-size data."
          + " The key needs to be hashed before being used by the HMAC algorithm.").utf8),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    ),
  ]

  @Test("RFC 4231 test cases 1-4, 6 and 7", arguments: rfc4231)
  func rfc4231Cases(testCase: (name: String, key: [UInt8], data: [UInt8], mac: String)) {
    #expect(
      HMACSHA256.authenticationCode(for: testCase.data, key: testCase.key).hex == testCase.mac)
  }

  @Test("RFC 4231 test case 5: output truncated to 128 bits")
  func truncatedCase() {
    let code = HMACSHA256.authenticationCode(
      for: "Test With Truncation".utf8, key: [UInt8](repeating: 0x0C, count: 20))
    #expect(code.bytes.prefix(16) == bytes(hex: "a3b6167473100ee06e0c796c2955552b")[...])
  }

  @Test("a 64-byte key is used as is, a 65-byte key is hashed first")
  func blockSizedKeys() {
    let message = Array("message".utf8)
    let longKey = [UInt8](repeating: 0x42, count: 65)
    #expect(
      HMACSHA256.authenticationCode(for: message, key: longKey)
        == HMACSHA256.authenticationCode(for: message, key: SHA256.hash(longKey).bytes))
    let blockKey = [UInt8](repeating: 0x42, count: 64)
    #expect(
      HMACSHA256.authenticationCode(for: message, key: blockKey)
        != HMACSHA256.authenticationCode(for: message, key: SHA256.hash(blockKey).bytes))
  }

  @Test("streaming equals one go, and finalize leaves the authenticator usable")
  func streaming() {
    let testCase = Self.rfc4231[5]
    var authenticator = HMACSHA256(key: testCase.key)
    for start in stride(from: 0, to: testCase.data.count, by: 7) {
      authenticator.update(testCase.data[start..<min(start + 7, testCase.data.count)])
    }
    #expect(authenticator.finalize().hex == testCase.mac)
    #expect(authenticator.finalize().hex == testCase.mac)
  }
}
