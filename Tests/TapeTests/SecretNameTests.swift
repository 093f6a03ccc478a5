import Testing

@testable import Tape

/// The generic rule that says from a name alone whether what it holds is secret.
@Suite("Secret names")
struct SecretNameTests {
  @Test(
    "names and what they hold",
    arguments: [
      ("password", SecretName.Secrecy.value), ("passwd", .value), ("user_pwd", .value),
      ("newPassword", .value), ("passphrase", .everythingBelow), ("secret", .everythingBelow),
      ("client_secret", .everythingBelow), ("secretKey", .everythingBelow),
      ("private_key", .everythingBelow), ("PrivateKey", .everythingBelow),
      ("token", .value), ("access_token", .value), ("session_token", .value),
      ("securitytoken", .value), ("X-Subject-Token", .value), ("x-obs-security-token", .value),
      ("credential", .value), ("X-Amz-Credential", .value), ("Signature", .value),
      ("apikey", .value), ("api_key", .value), ("X-Api-Key", .value), ("AccessKeyId", .value),
      ("user_ak", .value), ("sk", .value), ("AK", .value),
      ("token_type", .none), ("token_expires_in", .none), ("task_status", .none),
      ("Content-Type", .none), ("X-Sdk-Date", .none), ("keep-alive", .none), ("task", .none),
      ("monkey", .none), ("ask", .none), ("key", .none), ("access", .none), ("", .none),
    ])
  func secrecy(name: String, expected: SecretName.Secrecy) {
    #expect(SecretName.secrecy(of: name) == expected)
  }

  @Test("words split at separators and case changes")
  func words() {
    #expect(SecretName.words(of: "X-Amz-Credential") == ["x", "amz", "credential"])
    #expect(SecretName.words(of: "AccessKeyId") == ["access", "key", "id"])
    #expect(SecretName.words(of: "client_secret.v2") == ["client", "secret", "v2"])
    #expect(SecretName.words(of: "URLToken") == ["urltoken"])
  }
}
