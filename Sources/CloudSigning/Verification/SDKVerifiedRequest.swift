/// What a successful verification established about a request.
public struct SDKVerifiedRequest: Hashable, Sendable {
  /// The access key whose secret key produced the signature.
  public let accessKey: String
  /// The headers the signature covers, lowercase and sorted.
  public let signedHeaders: [String]
  /// The signing time from `X-Sdk-Date`.
  public let timestamp: SDKTimestamp
}
