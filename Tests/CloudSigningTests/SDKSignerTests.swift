import CloudSigning
import Foundation
import Testing

@Suite("SDK-HMAC-SHA256 signer")
struct SDKSignerTests {
  @Test("the verified example: canonical request hash and signature")
  func verifiedExample() throws {
    let signer = SDKSigner(credentials: VerifiedExample.credentials)
    let signature = try signer.signature(
      for: VerifiedExample.request, at: VerifiedExample.timestamp.date)
    #expect(
      signature.canonicalRequest.text
        == "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\n"
        + "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
        + "content-type:application/json\nhost:service.region.example.com\n"
        + "x-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(signature.canonicalRequest.hash.hex == VerifiedExample.canonicalRequestHash)
    #expect(
      signature.stringToSign
        == "SDK-HMAC-SHA256\n20191115T033655Z\n" + VerifiedExample.canonicalRequestHash)
    #expect(signature.signature == VerifiedExample.signature)
    #expect(
      signature.authorization.headerValue
        == "SDK-HMAC-SHA256 Access=EXAMPLEACCESSKEYID01, "
        + "SignedHeaders=content-type;host;x-sdk-date, Signature=" + VerifiedExample.signature)
  }

  @Test("the verified example through the individual steps")
  func verifiedExampleSteps() throws {
    var request = VerifiedExample.request
    request.headers.append(("x-sdk-date", "20191115T033655Z"))
    let canonical = try CanonicalRequest(
      request, signedHeaders: ["content-type", "host", "x-sdk-date"])
    #expect(canonical.hash.hex == VerifiedExample.canonicalRequestHash)
    let stringToSign = SDKSigningAlgorithm.stringToSign(
      canonicalRequest: canonical, timestamp: VerifiedExample.timestamp)
    #expect(
      SDKSigningAlgorithm.signature(for: stringToSign, secretKey: VerifiedExample.secretKey)
        == VerifiedExample.signature)
  }

  @Test("signing in place adds X-Sdk-Date and Authorization, replacing earlier ones")
  func signInPlace() throws {
    var request = VerifiedExample.request
    request.headers.append(("authorization", "SDK-HMAC-SHA256 stale"))
    request.headers.append(("X-SDK-DATE", "20000101T000000Z"))
    let signer = SDKSigner(credentials: VerifiedExample.credentials)
    try signer.sign(&request, at: VerifiedExample.timestamp.date.addingTimeInterval(0.75))
    #expect(request.headers.map(\.name) == ["Content-Type", "Host", "X-Sdk-Date", "Authorization"])
    #expect(request.value(forHeader: "x-sdk-date") == "20191115T033655Z")
    #expect(request.value(forHeader: "authorization")?.hasSuffix(VerifiedExample.signature) == true)
    try signer.sign(&request, at: VerifiedExample.timestamp.date)
    #expect(request.headers.count == 4)
    #expect(request.value(forHeader: "authorization")?.hasSuffix(VerifiedExample.signature) == true)
  }

  @Test("temporary credentials add and sign X-Security-Token")
  func securityToken() throws {
    let credentials = Credentials(accessKey: "AK", secretKey: "SK", securityToken: "token-123")
    let signature = try SDKSigner(credentials: credentials).signature(
      for: VerifiedExample.request, at: VerifiedExample.timestamp.date)
    #expect(
      signature.authorization.signedHeaders
        == ["content-type", "host", "x-sdk-date", "x-security-token"])
    #expect(signature.canonicalRequest.headers.contains("x-security-token:token-123\n"))
    #expect(
      signature.headerFields.map(\.name) == ["X-Sdk-Date", "X-Security-Token", "Authorization"])
    #expect(signature.headerFields[1].value == "token-123")
    #expect(!signature.description.contains("token-123"))
    #expect(!String(reflecting: signature).contains("token-123"))
    var dumped = ""
    dump(signature, to: &dumped)
    #expect(!dumped.contains("token-123"))
  }

  @Test("a chosen set of headers: host and x-sdk-date always, Authorization never")
  func chosenHeaders() throws {
    var request = VerifiedExample.request
    request.headers.append(("X-Extra", "not signed"))
    let signer = SDKSigner(
      credentials: VerifiedExample.credentials, signing: .named(["Content-Type", "Authorization"]))
    let signature = try signer.signature(for: request, at: VerifiedExample.timestamp.date)
    #expect(signature.authorization.signedHeaders == ["content-type", "host", "x-sdk-date"])
    #expect(signature.signature == VerifiedExample.signature)
    let minimal = try SDKSigner(credentials: VerifiedExample.credentials, signing: .named([]))
      .signature(for: request, at: VerifiedExample.timestamp.date)
    #expect(minimal.authorization.signedHeaders == ["host", "x-sdk-date"])
  }

  @Test("every header present is signed by default")
  func allPresent() throws {
    var request = VerifiedExample.request
    request.headers.append(("X-Extra", "signed too"))
    let signature = try SDKSigner(credentials: VerifiedExample.credentials).signature(
      for: request, at: VerifiedExample.timestamp.date)
    #expect(
      signature.authorization.signedHeaders == ["content-type", "host", "x-extra", "x-sdk-date"])
  }

  @Test("signing fails clearly without a host, a chosen header, or with a bad header name")
  func signingErrors() {
    let signer = SDKSigner(credentials: VerifiedExample.credentials)
    let date = VerifiedExample.timestamp.date
    #expect(throws: SDKSigningError.missingHeader("host")) {
      try signer.signature(for: SignableRequest(method: "GET", path: "/"), at: date)
    }
    #expect(throws: SDKSigningError.missingHeader("x-workspace-id")) {
      try SDKSigner(credentials: VerifiedExample.credentials, signing: .named(["X-Workspace-Id"]))
        .signature(for: VerifiedExample.request, at: date)
    }
    var badName = VerifiedExample.request
    badName.headers.append(("Bad Name", "x"))
    #expect(throws: SDKSigningError.invalidHeaderName("Bad Name")) {
      try signer.signature(for: badName, at: date)
    }
    #expect(
      SDKSigningError.missingHeader("host").description
        == #"cannot sign: the request has no "host" header"#)
  }
}
