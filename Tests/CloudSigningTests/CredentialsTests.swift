import CloudSigning
import Testing

@Suite("Credentials")
struct CredentialsTests {
  static let secret = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
  static let token = "gQpjbi1ub3J0aC00SECRET-TOKEN"

  /// Every way credentials can be turned into text.
  static func renderings(of credentials: Credentials) -> [String] {
    var dumped = ""
    dump(credentials, to: &dumped)
    var signerDump = ""
    dump(SDKSigner(credentials: credentials), to: &signerDump)
    return [
      credentials.description, credentials.debugDescription, "\(credentials)",
      String(describing: credentials), String(reflecting: credentials), dumped,
      String(describing: SDKSigner(credentials: credentials)),
      String(reflecting: SDKSigner(credentials: credentials)), signerDump,
      "\([credentials])", "\(Optional(credentials) as Any)",
    ]
  }

  @Test("no rendering shows the secret key or the token; all show the access key")
  func redaction() {
    let credentials = Credentials(
      accessKey: "HPUAEXAMPLEAK", secretKey: Self.secret, securityToken: Self.token)
    for text in Self.renderings(of: credentials) {
      #expect(!text.contains(Self.secret), "\(text)")
      #expect(!text.contains(Self.token), "\(text)")
      #expect(text.contains("HPUAEXAMPLEAK"), "\(text)")
    }
  }

  @Test("the description names the redacted fields")
  func descriptionText() {
    #expect(
      Credentials(accessKey: "AK", secretKey: Self.secret).description
        == "Credentials(accessKey: AK, secretKey: <redacted>, securityToken: nil)")
    #expect(
      Credentials(accessKey: "AK", secretKey: Self.secret, securityToken: Self.token).description
        == "Credentials(accessKey: AK, secretKey: <redacted>, securityToken: <redacted>)")
  }

  @Test("the parts stay readable in code")
  func parts() {
    let credentials = Credentials(accessKey: "AK", secretKey: "SK", securityToken: "T")
    #expect(credentials.accessKey == "AK")
    #expect(credentials.secretKey == "SK")
    #expect(credentials.securityToken == "T")
    #expect(credentials != Credentials(accessKey: "AK", secretKey: "SK"))
  }
}
