/// The outcome of signing one request, every intermediate step included.
///
/// ``headerFields`` are the headers to add to the request. Printing a signature never shows
/// the security token, so it leaves the canonical request out: that one holds the value of
/// every signed header, `X-Security-Token` included. Print `canonicalRequest` explicitly to
/// debug a mismatch, and not in a log when the credentials are temporary.
public struct SDKSignature: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
  /// The signing time, sent as `X-Sdk-Date`.
  public let timestamp: SDKTimestamp
  /// The canonical request that was hashed.
  public let canonicalRequest: CanonicalRequest
  /// The string that was signed.
  public let stringToSign: String
  /// The lowercase hexadecimal signature.
  public let signature: String
  /// The parsed form of the `Authorization` header.
  public let authorization: SDKAuthorization
  /// The security token to send as `X-Security-Token`, for temporary credentials.
  private let securityToken: String?

  /// Assembles a signature from its steps.
  init(
    timestamp: SDKTimestamp, canonicalRequest: CanonicalRequest, stringToSign: String,
    signature: String, authorization: SDKAuthorization, securityToken: String?
  ) {
    self.timestamp = timestamp
    self.canonicalRequest = canonicalRequest
    self.stringToSign = stringToSign
    self.signature = signature
    self.authorization = authorization
    self.securityToken = securityToken
  }

  /// The headers to add to the request: `X-Sdk-Date`, `X-Security-Token` for temporary
  /// credentials, and `Authorization`.
  public var headerFields: [(name: String, value: String)] {
    var fields = [(name: SDKSigningAlgorithm.dateHeaderName, value: timestamp.description)]
    if let securityToken {
      fields.append((name: SDKSigningAlgorithm.securityTokenHeaderName, value: securityToken))
    }
    fields.append(
      (name: SDKSigningAlgorithm.authorizationHeaderName, value: authorization.headerValue))
    return fields
  }

  /// The `Authorization` header value and the signing time; the token is not shown.
  public var description: String {
    "SDKSignature(\(timestamp), \(authorization.headerValue))"
  }

  /// A mirror without the security token (nor the canonical request that holds it), for
  /// `dump` and debuggers.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "timestamp": timestamp, "stringToSign": stringToSign, "signature": signature,
        "authorization": authorization,
      ], displayStyle: .struct)
  }
}
