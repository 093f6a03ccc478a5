import Foundation

/// Signs requests with Huawei Cloud's SDK-HMAC-SHA256 AK/SK algorithm.
///
/// ```swift
/// let signer = SDKSigner(credentials: Credentials(accessKey: ak, secretKey: sk))
/// var request = SignableRequest(method: "GET", target: "/v1/jobs", headers: [("Host", host)])
/// try signer.sign(&request, at: Date())
/// ```
///
/// The signature always covers `host` and `x-sdk-date`, plus `x-security-token` for
/// temporary credentials, plus the headers of ``headerSelection``.
public struct SDKSigner: Sendable {
  /// The credentials that sign.
  public var credentials: Credentials
  /// Which other headers to sign.
  public var headerSelection: SignedHeaderSelection

  /// Creates a signer; by default it signs every header present, as the official SDKs do.
  public init(
    credentials: Credentials, signing headerSelection: SignedHeaderSelection = .allPresent
  ) {
    self.credentials = credentials
    self.headerSelection = headerSelection
  }

  /// Signs `request` as it would be sent at `date`, returning every step and the headers to
  /// add. Existing `X-Sdk-Date`, `X-Security-Token` and `Authorization` headers of `request`
  /// are ignored: they are the ones being replaced.
  public func signature(for request: SignableRequest, at date: Date) throws(SDKSigningError)
    -> SDKSignature
  {
    let timestamp = SDKTimestamp(date)
    var signed = request
    for name in Self.replacedHeaderNames {
      signed.removeHeader(named: name)
    }
    signed.headers.append((name: SDKSigningAlgorithm.dateHeaderName, value: timestamp.description))
    if let token = credentials.securityToken {
      signed.headers.append((name: SDKSigningAlgorithm.securityTokenHeaderName, value: token))
    }
    var names = [SDKSigningAlgorithm.hostHeaderName, SDKSigningAlgorithm.dateHeaderName]
    if credentials.securityToken != nil {
      names.append(SDKSigningAlgorithm.securityTokenHeaderName)
    }
    switch headerSelection {
    case .allPresent:
      names += signed.headers.map(\.name)
    case .named(let chosen):
      let authorization = HeaderName.lowercased(SDKSigningAlgorithm.authorizationHeaderName)
      names += chosen.filter { HeaderName.lowercased($0) != authorization }
    }
    let canonicalRequest = try CanonicalRequest(signed, signedHeaders: names)
    let stringToSign = SDKSigningAlgorithm.stringToSign(
      canonicalRequest: canonicalRequest, timestamp: timestamp)
    let signature = SDKSigningAlgorithm.signature(
      for: stringToSign, secretKey: credentials.secretKey)
    return SDKSignature(
      timestamp: timestamp, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
      signature: signature,
      authorization: SDKAuthorization(
        accessKey: credentials.accessKey, signedHeaders: canonicalRequest.signedHeaders,
        signature: signature),
      securityToken: credentials.securityToken)
  }

  /// Signs `request` in place: replaces its `X-Sdk-Date`, `X-Security-Token` and
  /// `Authorization` headers with the ones of ``signature(for:at:)``.
  public func sign(_ request: inout SignableRequest, at date: Date) throws(SDKSigningError) {
    let signature = try signature(for: request, at: date)
    for name in Self.replacedHeaderNames {
      request.removeHeader(named: name)
    }
    request.headers += signature.headerFields
  }

  /// The headers a signature writes, which signing replaces.
  private static let replacedHeaderNames = [
    SDKSigningAlgorithm.dateHeaderName, SDKSigningAlgorithm.securityTokenHeaderName,
    SDKSigningAlgorithm.authorizationHeaderName,
  ]
}
