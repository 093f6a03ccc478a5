/// The names and the last two steps of Huawei Cloud's `SDK-HMAC-SHA256` AK/SK signing.
public enum SDKSigningAlgorithm {
  /// The algorithm name, first in the string to sign and in the `Authorization` header.
  public static let name = "SDK-HMAC-SHA256"
  /// The header carrying the signing time, `YYYYMMDDTHHMMSSZ`.
  public static let dateHeaderName = "X-Sdk-Date"
  /// The header carrying the security token of temporary credentials.
  public static let securityTokenHeaderName = "X-Security-Token"
  /// The header carrying the algorithm, access key, signed headers and signature.
  public static let authorizationHeaderName = "Authorization"
  /// The host header, which every signature must cover.
  public static let hostHeaderName = "Host"

  /// The string to sign: `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex(sha256(canonical request))}`.
  public static func stringToSign(
    canonicalRequest: CanonicalRequest, timestamp: SDKTimestamp
  ) -> String {
    name + "\n" + timestamp.description + "\n" + canonicalRequest.hash.hex
  }

  /// The signature: lowercase hexadecimal HMAC-SHA256 of `stringToSign`, keyed with the UTF-8
  /// bytes of the secret key.
  public static func signature(for stringToSign: String, secretKey: String) -> String {
    HMACSHA256.authenticationCode(for: stringToSign.utf8, key: secretKey.utf8).hex
  }
}
