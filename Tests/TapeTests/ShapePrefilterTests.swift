import Testing

@testable import Tape

/// The scan skips a shape in a string holding none of the bytes its matches start with
/// (``SecretShape/leadBytes``): never one the shape is in.
@Suite("The shapes' prefilter")
struct ShapePrefilterTests {
  /// A text holding each shape, by its kind; several for the schemes, in every case.
  static let samples: [(kind: String, text: String)] = [
    ("an IAM token", "X-Subject-Token: MIIBkjCCATygAwIBAgIJAKwEXAMPLE"),
    ("a JSON web token", "jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"),
    ("an AK/SK signature", "Signature=" + String(repeating: "ab12", count: 16)),
    ("an access key in an Authorization value", "Access=QTWAOYTTINDUT2QVKYUC, x"),
    ("a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE"),
    ("Basic credentials (base64 of user:password)", "Authorization: Basic dXNlcjpodW50ZXIy"),
    ("Basic credentials (base64 of user:password)", "basic dXNlcjpodW50ZXIy"),
    ("Basic credentials (base64 of user:password)", "BASIC dXNlcjpodW50ZXIy"),
    ("a Bearer token", "Bearer abcdef0123456789abcdef"),
    ("a Bearer token", "bearer abcdef0123456789abcdef"),
    ("a Bearer token", "BEARER abcdef0123456789abcdef"),
    ("a Huawei Cloud access key (AK)", "ak QTWAOYTTINDUT2QVKYUC"),
    ("a Huawei Cloud secret access key (SK)", "sk MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
  ]

  @Test("a text holding a shape passes its prefilter, and the scan finds it")
  func holdingPasses() {
    let shapes = SecretShape.generic + SecretShape.huaweiCloud
    let scanner = SecretScanner(redactor: .huaweiCloud)
    for (kind, text) in Self.samples {
      let shape = shapes.first { $0.kind == kind }
      #expect(shape?.matches(text) == true, "\(kind): \(text)")
      #expect(shape?.mayMatch(given: ByteSet(text)) == true, "\(kind): \(text)")
      #expect(scanner.scan(text: text, at: "/").contains { $0.kind == kind }, "\(kind): \(text)")
    }
  }

  @Test("a byte set holds exactly the text's bytes")
  func byteSet() {
    let text = "aZ\u{0}\u{7F}é€\u{10FFFF}"
    let set = ByteSet(text)
    let bytes = Set(text.utf8)
    for value in 0...255 {
      #expect(set.contains(UInt8(value)) == bytes.contains(UInt8(value)), "\(value)")
    }
  }
}
