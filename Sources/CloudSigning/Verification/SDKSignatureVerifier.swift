import Foundation

/// Checks the SDK-HMAC-SHA256 signature of incoming requests, as a gateway does.
///
/// ```swift
/// let verifier = SDKSignatureVerifier(secretKeys: ["AK": "SK"])
/// switch verifier.verify(request, now: Date()) {
/// case .success(let verified): print("signed by", verified.accessKey)
/// case .failure(let failure): print("401:", failure)
/// }
/// ```
///
/// The checks run in this order, and the first that fails is reported: an `Authorization`
/// header, well formed and naming SDK-HMAC-SHA256; `host` and `x-sdk-date` among its signed
/// headers; a known access key; every signed header present; a well-formed `X-Sdk-Date`
/// within the allowed skew of now; then the signature itself, compared in constant time.
public struct SDKSignatureVerifier: Sendable {
  /// The default largest difference allowed between the signing time and now: 15 minutes.
  public static let defaultAllowedClockSkew: TimeInterval = 15 * 60

  /// The largest difference allowed between the signing time and now, either way, in seconds.
  public var allowedClockSkew: TimeInterval
  /// Finds the secret key of an access key; nil for an unknown access key.
  private let secretKey: @Sendable (String) -> String?

  /// Creates a verifier that looks secret keys up through `secretKey`.
  public init(
    allowedClockSkew: TimeInterval = defaultAllowedClockSkew,
    secretKey: @escaping @Sendable (_ accessKey: String) -> String?
  ) {
    self.allowedClockSkew = allowedClockSkew
    self.secretKey = secretKey
  }

  /// Creates a verifier that knows these secret keys, by access key.
  public init(
    secretKeys: [String: String], allowedClockSkew: TimeInterval = defaultAllowedClockSkew
  ) {
    self.init(allowedClockSkew: allowedClockSkew) { secretKeys[$0] }
  }

  /// Verifies the signature of `request`, received at `now`.
  public func verify(_ request: SignableRequest, now: Date)
    -> Result<SDKVerifiedRequest, SDKVerificationFailure>
  {
    Result { () throws(SDKVerificationFailure) in try verified(request, now: now) }
  }

  private func verified(_ request: SignableRequest, now: Date) throws(SDKVerificationFailure)
    -> SDKVerifiedRequest
  {
    guard let header = request.value(forHeader: SDKSigningAlgorithm.authorizationHeaderName)
    else { throw .missingAuthorization }
    let authorization = try SDKAuthorization(parsing: header)
    for required in [SDKSigningAlgorithm.hostHeaderName, SDKSigningAlgorithm.dateHeaderName] {
      let name = HeaderName.lowercased(required)
      guard authorization.signedHeaders.contains(name) else {
        throw .requiredHeaderNotSigned(name)
      }
    }
    guard let secretKey = secretKey(authorization.accessKey) else {
      throw .unknownAccessKey(authorization.accessKey)
    }
    let canonicalRequest: CanonicalRequest
    do {
      canonicalRequest = try CanonicalRequest(
        request, signedHeaders: authorization.signedHeaders)
    } catch {
      switch error {
      case .missingHeader(let name): throw .signedHeaderMissing(name)
      case .invalidHeaderName(let name):
        throw .malformedAuthorization(.invalidSignedHeaderName(name))
      // Canonicalization never throws these two; they belong to URLRequest conversion.
      case .missingURL, .bodyStreamNotSupported: throw .signatureMismatch
      }
    }
    let dateText = request.value(forHeader: SDKSigningAlgorithm.dateHeaderName) ?? ""
    guard let timestamp = SDKTimestamp(dateText) else { throw .malformedTimestamp(dateText) }
    let difference = now.timeIntervalSince(timestamp.date)
    guard abs(difference) <= allowedClockSkew else { throw .clockSkew(difference) }
    let expected = SDKSigningAlgorithm.signature(
      for: SDKSigningAlgorithm.stringToSign(
        canonicalRequest: canonicalRequest, timestamp: timestamp),
      secretKey: secretKey)
    guard ConstantTimeComparison.isEqual(expected.utf8, authorization.signature.utf8) else {
      throw .signatureMismatch
    }
    return SDKVerifiedRequest(
      accessKey: authorization.accessKey, signedHeaders: authorization.signedHeaders,
      timestamp: timestamp)
  }
}
