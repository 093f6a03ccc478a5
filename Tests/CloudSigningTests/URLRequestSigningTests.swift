import CloudSigning
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Signing a URLRequest")
struct URLRequestSigningTests {
  static let exampleURL = URL(
    string: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
      + "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")!

  @Test("the verified example as a URLRequest: the three headers set, the result verifies")
  func verifiedExample() throws {
    var request = URLRequest(url: Self.exampleURL)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    let signer = SDKSigner(credentials: VerifiedExample.credentials)
    try signer.sign(&request, at: VerifiedExample.timestamp.date)
    #expect(request.value(forHTTPHeaderField: "X-Sdk-Date") == "20191115T033655Z")
    #expect(
      request.value(forHTTPHeaderField: "Authorization")
        == "SDK-HMAC-SHA256 Access=EXAMPLEACCESSKEYID01, "
        + "SignedHeaders=content-type;host;x-sdk-date, Signature=" + VerifiedExample.signature)
    #expect(request.value(forHTTPHeaderField: "X-Security-Token") == nil)
    #expect(request.value(forHTTPHeaderField: "Host") == nil)

    let verifier = SDKSignatureVerifier(
      secretKeys: [VerifiedExample.accessKey: VerifiedExample.secretKey])
    let received = try SignableRequest(request)
    let verified = try verifier.verify(received, now: VerifiedExample.timestamp.date).get()
    #expect(verified.signedHeaders == ["content-type", "host", "x-sdk-date"])
  }

  @Test("temporary credentials set X-Security-Token; a POST body is signed")
  func tokenAndBody() throws {
    var request = URLRequest(url: URL(string: "https://dataarts.example.com/v1/p/tasks")!)
    request.httpMethod = "POST"
    request.httpBody = Data(#"{"a": 1}"#.utf8)
    let credentials = Credentials(accessKey: "AK", secretKey: "SK", securityToken: "tok")
    try SDKSigner(credentials: credentials).sign(&request, at: RoundTrip.signingDate)
    #expect(request.value(forHTTPHeaderField: "X-Security-Token") == "tok")
    #expect(request.value(forHTTPHeaderField: "X-Sdk-Date") == "20231114T221320Z")
    #expect(
      request.value(forHTTPHeaderField: "Authorization")?.contains(
        "SignedHeaders=host;x-sdk-date;x-security-token,") == true)

    let verifier = SDKSignatureVerifier(secretKeys: ["AK": "SK"])
    #expect(
      try verifier.verify(SignableRequest(request), now: RoundTrip.signingDate).get().accessKey
        == "AK")
    request.httpBody = Data(#"{"a": 2}"#.utf8)
    #expect(throws: SDKVerificationFailure.signatureMismatch) {
      try verifier.verify(SignableRequest(request), now: RoundTrip.signingDate).get()
    }
  }

  @Test(
    "the host signed is the URL's, with the port only when it is not the default",
    arguments: [
      ("https://h.example.com/x", "h.example.com"),
      ("https://h.example.com:443/x", "h.example.com"),
      ("https://h.example.com:8443/x", "h.example.com:8443"),
      ("http://h.example.com:80/x", "h.example.com"),
      ("http://h.example.com:443/x", "h.example.com:443"),
      ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
      ("http://[::1]:8080/x", "[::1]:8080"),
    ])
  func hostFromURL(url: String, host: String) throws {
    let request = try SignableRequest(URLRequest(url: URL(string: url)!))
    #expect(request.value(forHeader: "host") == host)
  }

  @Test("an explicit Host header wins; path and query stay percent-encoded as on the wire")
  func explicitHostAndEncodedPath() throws {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:8080/v1/my%20task?q=a%2Bb")!)
    request.setValue("dataarts.example.com", forHTTPHeaderField: "Host")
    let signable = try SignableRequest(request)
    #expect(signable.value(forHeader: "host") == "dataarts.example.com")
    #expect(signable.method == "GET")
    #expect(signable.path == "/v1/my%20task")
    #expect(signable.query == "q=a%2Bb")
    #expect(try SignableRequest(URLRequest(url: URL(string: "https://h")!)).path == "/")
  }

  @Test("no URL or a streamed body cannot be signed")
  func unsignable() {
    let signer = SDKSigner(credentials: VerifiedExample.credentials)
    var withoutURL = URLRequest(url: Self.exampleURL)
    withoutURL.url = nil
    #expect(throws: SDKSigningError.missingURL) {
      try signer.sign(&withoutURL, at: VerifiedExample.timestamp.date)
    }
    var streamed = URLRequest(url: Self.exampleURL)
    streamed.httpBodyStream = InputStream(data: Data("abc".utf8))
    #expect(throws: SDKSigningError.bodyStreamNotSupported) {
      try signer.sign(&streamed, at: VerifiedExample.timestamp.date)
    }
    #expect(streamed.value(forHTTPHeaderField: "Authorization") == nil)
  }
}
