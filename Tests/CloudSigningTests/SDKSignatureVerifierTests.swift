import CloudSigning
import Foundation
import Testing

/// A change made to a signed request after signing, and the failure it must cause.
struct Tampering: Sendable, CustomTestStringConvertible {
  let name: String
  let change: @Sendable (inout SignableRequest) -> Void
  let failure: SDKVerificationFailure

  var testDescription: String { name }
}

@Suite("SDK-HMAC-SHA256 verifier")
struct SDKSignatureVerifierTests {
  @Test("a signed request verifies, and the verifier says who signed what and when")
  func roundTrip() throws {
    let request = try RoundTrip.signedRequest()
    let verified = try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    #expect(verified.accessKey == "AK-ROUND-TRIP")
    #expect(
      verified.signedHeaders == ["content-type", "host", "x-sdk-date", "x-workspace-id"])
    #expect(verified.timestamp == SDKTimestamp(RoundTrip.signingDate))
  }

  @Test("the verified example verifies")
  func verifiedExample() throws {
    var request = VerifiedExample.request
    try SDKSigner(credentials: VerifiedExample.credentials).sign(
      &request, at: VerifiedExample.timestamp.date)
    let verifier = SDKSignatureVerifier { accessKey in
      accessKey == VerifiedExample.accessKey ? VerifiedExample.secretKey : nil
    }
    let result = verifier.verify(request, now: VerifiedExample.timestamp.date)
    #expect(try result.get().accessKey == VerifiedExample.accessKey)
  }

  static let tamperings: [Tampering] = [
    Tampering(
      name: "body changed", change: { $0.body = Data(#"{"name": "other"}"#.utf8) },
      failure: .signatureMismatch),
    Tampering(name: "body emptied", change: { $0.body = Data() }, failure: .signatureMismatch),
    Tampering(
      name: "path changed", change: { $0.path = "/v1/project/import-tasks/other" },
      failure: .signatureMismatch),
    Tampering(name: "method changed", change: { $0.method = "PUT" }, failure: .signatureMismatch),
    Tampering(
      name: "query value changed", change: { $0.query = "b=3&a=1" },
      failure: .signatureMismatch),
    Tampering(
      name: "query parameter added", change: { $0.query += "&c=3" },
      failure: .signatureMismatch),
    Tampering(name: "query removed", change: { $0.query = "" }, failure: .signatureMismatch),
    Tampering(
      name: "signed header changed", change: { $0.setHeader("X-Workspace-Id", to: "ws-2") },
      failure: .signatureMismatch),
    Tampering(
      name: "host changed", change: { $0.setHeader("Host", to: "evil.example.com") },
      failure: .signatureMismatch),
    Tampering(
      name: "signed header repeated",
      change: { $0.headers.append(("x-workspace-id", "ws-2")) }, failure: .signatureMismatch),
    Tampering(
      name: "X-Sdk-Date moved by one second",
      change: { $0.setHeader("X-Sdk-Date", to: "20231114T221321Z") }, failure: .signatureMismatch),
    Tampering(
      name: "signature altered",
      change: { request in
        let header = request.value(forHeader: "Authorization")!
        let last = header.last == "0" ? "1" : "0"
        request.setHeader("Authorization", to: String(header.dropLast()) + last)
      }, failure: .signatureMismatch),
    Tampering(
      name: "signed header removed", change: { $0.removeHeader(named: "x-workspace-id") },
      failure: .signedHeaderMissing("x-workspace-id")),
    Tampering(
      name: "X-Sdk-Date removed", change: { $0.removeHeader(named: "X-Sdk-Date") },
      failure: .signedHeaderMissing("x-sdk-date")),
    Tampering(
      name: "X-Sdk-Date not a time",
      change: { $0.setHeader("X-Sdk-Date", to: "2023-11-14T22:13:20Z") },
      failure: .malformedTimestamp("2023-11-14T22:13:20Z")),
    Tampering(
      name: "Authorization removed", change: { $0.removeHeader(named: "authorization") },
      failure: .missingAuthorization),
  ]

  @Test("each tampering fails with the right failure", arguments: tamperings)
  func tampering(_ tampering: Tampering) throws {
    var request = try RoundTrip.signedRequest()
    tampering.change(&request)
    let result = RoundTrip.verifier.verify(request, now: RoundTrip.signingDate)
    #expect(throws: tampering.failure) { try result.get() }
  }

  @Test("unsigned headers may be added, and the path may arrive encoded differently")
  func harmlessChanges() throws {
    var request = try RoundTrip.signedRequest()
    request.headers.append(("User-Agent", "proxy/1.0"))
    request.path = "/v1/project/import-tasks/my task"
    request.query = "a=1&b=2"
    request.setHeader("x-workspace-id", to: "  ws-1  ")
    let verified = try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    #expect(verified.accessKey == "AK-ROUND-TRIP")
  }

  @Test("a wrong secret key gives a signature mismatch")
  func wrongSecret() throws {
    let request = try RoundTrip.signedRequest(
      credentials: Credentials(accessKey: "AK-ROUND-TRIP", secretKey: "not the secret"))
    #expect(throws: SDKVerificationFailure.signatureMismatch) {
      try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    }
  }

  @Test("an unknown access key is reported with the key")
  func unknownAccessKey() throws {
    let request = try RoundTrip.signedRequest(
      credentials: Credentials(accessKey: "AK-STRANGER", secretKey: "round trip secret"))
    #expect(throws: SDKVerificationFailure.unknownAccessKey("AK-STRANGER")) {
      try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    }
  }

  @Test(
    "the clock skew allowed is 15 minutes either way",
    arguments: [
      (-16 * 60, false), (-15 * 60, true), (-14 * 60, true), (0, true), (14 * 60, true),
      (15 * 60, true), (16 * 60, false), (15 * 60 + 1, false),
    ])
  func clockSkew(offset: Int, passes: Bool) throws {
    let request = try RoundTrip.signedRequest()
    let now = RoundTrip.signingDate.addingTimeInterval(TimeInterval(offset))
    let result = RoundTrip.verifier.verify(request, now: now)
    if passes {
      #expect(try result.get().accessKey == "AK-ROUND-TRIP")
    } else {
      #expect(throws: SDKVerificationFailure.clockSkew(TimeInterval(offset))) { try result.get() }
    }
  }

  @Test("the allowed skew is configurable; the failure says how far and which way")
  func configurableSkew() throws {
    let request = try RoundTrip.signedRequest()
    let strict = SDKSignatureVerifier(
      secretKeys: ["AK-ROUND-TRIP": "round trip secret"], allowedClockSkew: 60)
    let onTime = strict.verify(request, now: RoundTrip.signingDate.addingTimeInterval(60))
    #expect(try onTime.get().accessKey == "AK-ROUND-TRIP")
    let late = strict.verify(request, now: RoundTrip.signingDate.addingTimeInterval(61.5))
    #expect(throws: SDKVerificationFailure.clockSkew(61.5)) { try late.get() }
    #expect(
      SDKVerificationFailure.clockSkew(960).description
        == "X-Sdk-Date is 960 s in the past, beyond the allowed skew")
    #expect(
      SDKVerificationFailure.clockSkew(-960).description
        == "X-Sdk-Date is 960 s in the future, beyond the allowed skew")
    #expect(SDKSignatureVerifier.defaultAllowedClockSkew == 900)
  }

  static let validSignature = String(repeating: "0a", count: 32)

  @Test(
    "malformed or foreign Authorization headers fail cleanly",
    arguments: [
      ("garbage", SDKVerificationFailure.unsupportedAlgorithm("garbage")),
      ("", .malformedAuthorization(.empty)),
      (" \t ", .malformedAuthorization(.empty)),
      ("SDK-HMAC-SHA256", .malformedAuthorization(.missingParameters)),
      ("SDK-HMAC-SHA256   ", .malformedAuthorization(.missingParameters)),
      (
        "SDK-HMAC-SHA256 Access=AK-ROUND-TRIP, SignedHeaders=host;x-sdk-date",
        .malformedAuthorization(.missingParameter("Signature"))
      ),
      (
        "SDK-HMAC-SHA256 Access=AK-ROUND-TRIP, SignedHeaders=host;x-sdk-date, Signature",
        .malformedAuthorization(.malformedParameter("Signature"))
      ),
      ("AWS4-HMAC-SHA256 Credential=AK/20191115/x", .unsupportedAlgorithm("AWS4-HMAC-SHA256")),
      ("Bearer eyJhbGciOi", .unsupportedAlgorithm("Bearer")),
      ("sdk-hmac-sha256 Access=AK", .unsupportedAlgorithm("sdk-hmac-sha256")),
      ("SDK-HMAC-SHA256,Access=AK", .unsupportedAlgorithm("SDK-HMAC-SHA256,Access=AK")),
      (
        "SDK-HMAC-SHA256 Access=A, Access=B, SignedHeaders=host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.duplicateParameter("Access"))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, Region=x, SignedHeaders=host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.unknownParameter("Region"))
      ),
      (
        "SDK-HMAC-SHA256 Access=, SignedHeaders=host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.emptyParameter("Access"))
      ),
      (
        "SDK-HMAC-SHA256 Access=A B, SignedHeaders=host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.malformedParameter("Access=A B"))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, , SignedHeaders=host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.malformedParameter(""))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=x-sdk-date;host, Signature=\(validSignature)",
        .malformedAuthorization(.unsortedSignedHeaders)
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=Host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.invalidSignedHeaderName("Host"))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.invalidSignedHeaderName(""))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;host;x-sdk-date, Signature=\(validSignature)",
        .malformedAuthorization(.duplicateSignedHeader("host"))
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;x-sdk-date, Signature=XYZ",
        .malformedAuthorization(.invalidSignature)
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;x-sdk-date, Signature=\(validSignature.uppercased())",
        .malformedAuthorization(.invalidSignature)
      ),
      (
        "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;x-sdk-date, Signature=\(validSignature.dropLast())",
        .malformedAuthorization(.invalidSignature)
      ),
      (
        "SDK-HMAC-SHA256 Access=AK-ROUND-TRIP, SignedHeaders=host, Signature=\(validSignature)",
        .requiredHeaderNotSigned("x-sdk-date")
      ),
      (
        "SDK-HMAC-SHA256 Access=AK-ROUND-TRIP, SignedHeaders=x-sdk-date, Signature=\(validSignature)",
        .requiredHeaderNotSigned("host")
      ),
      ("\u{0}\u{1}\u{7F} \u{FFFF}=,;", .unsupportedAlgorithm("\u{0}\u{1}\u{7F}")),
    ])
  func malformedAuthorization(header: String, failure: SDKVerificationFailure) throws {
    var request = try RoundTrip.signedRequest()
    request.setHeader("Authorization", to: header)
    #expect(throws: failure) {
      try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    }
  }

  @Test("spacing around the algorithm, commas and equal signs is tolerated, in any order")
  func tolerantSpacing() throws {
    var request = try RoundTrip.signedRequest()
    let authorization = try SDKAuthorization(parsing: request.value(forHeader: "Authorization")!)
    let signedHeaders = authorization.signedHeaders.joined(separator: ";")
    request.setHeader(
      "Authorization",
      to: "  SDK-HMAC-SHA256 \t Signature = \(authorization.signature) ,SignedHeaders="
        + "\(signedHeaders),\tAccess= AK-ROUND-TRIP  ")
    let verified = try RoundTrip.verifier.verify(request, now: RoundTrip.signingDate).get()
    #expect(verified.signedHeaders == authorization.signedHeaders)
  }

  @Test("parsing a well-formed header gives its parts back")
  func parsing() throws {
    let header =
      "SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date, Signature="
      + VerifiedExample.signature
    let authorization = try SDKAuthorization(parsing: header)
    #expect(authorization.accessKey == "AK")
    #expect(authorization.signedHeaders == ["content-type", "host", "x-sdk-date"])
    #expect(authorization.signature == VerifiedExample.signature)
    #expect(authorization.headerValue == header)
  }

  @Test("failure descriptions say what is wrong and quote untrusted text safely")
  func descriptions() {
    #expect(
      SDKVerificationFailure.malformedAuthorization(.missingParameter("Signature")).description
        == "malformed Authorization header: parameter Signature is missing")
    #expect(
      SDKVerificationFailure.unsupportedAlgorithm("Bearer").description
        == #"unsupported Authorization scheme "Bearer"; expected SDK-HMAC-SHA256"#)
    #expect(
      SDKVerificationFailure.malformedTimestamp("a\"b\n").description
        == #"X-Sdk-Date "a\"b\u{a}" is not a YYYYMMDDTHHMMSSZ time"#)
    let long = SDKVerificationFailure.unknownAccessKey(String(repeating: "k", count: 500))
    #expect(long.description == "unknown access key \"\(String(repeating: "k", count: 64))…\"")
  }
}
