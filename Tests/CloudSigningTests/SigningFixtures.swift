import CloudSigning
import Foundation

/// The verified Huawei Cloud signing example: a VPC listing signed at 2019-11-15T03:36:55Z.
enum VerifiedExample {
  static let secretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
  static let accessKey = "EXAMPLEACCESSKEYID01"
  static let credentials = Credentials(accessKey: accessKey, secretKey: secretKey)
  static let timestamp = SDKTimestamp("20191115T033655Z")!
  static let path = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs"
  static let query = "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"
  static let host = "service.region.example.com"
  static let canonicalRequestHash =
    "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
  static let signature = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"

  /// The request before signing: the content type and the host.
  static var request: SignableRequest {
    SignableRequest(
      method: "GET", path: path, query: query,
      headers: [("Content-Type", "application/json"), ("Host", host)])
  }
}

/// A signed POST and a verifier that knows its key, for round trips and tampering.
enum RoundTrip {
  static let credentials = Credentials(accessKey: "AK-ROUND-TRIP", secretKey: "round trip secret")
  static let signingDate = Date(timeIntervalSince1970: 1_700_000_000)
  static let verifier = SDKSignatureVerifier(secretKeys: ["AK-ROUND-TRIP": "round trip secret"])

  /// A POST with a query, a content type, a workspace header and a JSON body, signed.
  static func signedRequest(credentials: Credentials = credentials) throws -> SignableRequest {
    var request = SignableRequest(
      method: "POST", path: "/v1/project/import-tasks/my%20task", query: "b=2&a=1",
      headers: [
        ("Host", "dataarts.cn-north-4.myhuaweicloud.com"),
        ("Content-Type", "application/json"), ("X-Workspace-Id", "ws-1"),
      ],
      body: Data(#"{"name": "import"}"#.utf8))
    try SDKSigner(credentials: credentials).sign(&request, at: signingDate)
    return request
  }
}
