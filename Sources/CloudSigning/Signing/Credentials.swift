/// An access key (AK), its secret key (SK) and, for temporary credentials, a security token.
///
/// Printing credentials in any way (`print`, string interpolation, `String(reflecting:)`,
/// `dump`, test failure messages) shows the access key only: the secret key and the token
/// are redacted, so that they cannot reach a log by accident.
public struct Credentials: Equatable, Sendable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// The access key ID (AK), sent in clear in every `Authorization` header.
  public var accessKey: String
  /// The secret access key (SK); its UTF-8 bytes are the HMAC key.
  public var secretKey: String
  /// The security token of temporary credentials, sent as `X-Security-Token`; nil otherwise.
  public var securityToken: String?

  /// Creates credentials; pass a security token for temporary credentials.
  public init(accessKey: String, secretKey: String, securityToken: String? = nil) {
    self.accessKey = accessKey
    self.secretKey = secretKey
    self.securityToken = securityToken
  }

  /// The access key, with the secret key and the token redacted.
  public var description: String {
    let token = securityToken == nil ? "nil" : Self.redacted
    return "Credentials(accessKey: \(accessKey), secretKey: \(Self.redacted), "
      + "securityToken: \(token))"
  }

  /// The same redacted text as ``description``.
  public var debugDescription: String {
    description
  }

  /// A mirror with the secret key and the token redacted, for `dump` and debuggers.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "accessKey": accessKey,
        "secretKey": Self.redacted,
        "securityToken": securityToken == nil ? "nil" : Self.redacted,
      ], displayStyle: .struct)
  }

  private static let redacted = "<redacted>"
}
