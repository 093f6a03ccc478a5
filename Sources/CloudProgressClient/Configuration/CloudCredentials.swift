import CloudSigning

/// How the client proves who it is: an IAM token, a user name and password exchanged for a
/// token, or an access key pair (permanent, or temporary with a security token).
///
/// Printing credentials in any way shows their kind only, never a value.
public enum CloudCredentials: Sendable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  /// An IAM token, sent as `X-Auth-Token`. It cannot be renewed: a 401 ends the call.
  case token(Secret)
  /// An IAM user of an account (domain) whose password is exchanged for a token with
  /// `POST /v3/auth/tokens`; the token is renewed before it expires and once on a 401 that
  /// says it expired.
  case passwordToken(user: Secret, password: Secret, domain: Secret)
  /// An access key pair signing every request with `SDK-HMAC-SHA256`; temporary keys add
  /// their security token (`X-Security-Token`).
  case accessKey(id: Secret, secret: Secret, securityToken: Secret?)

  /// A permanent access key pair.
  public static func accessKey(_ id: String, secret: String) -> CloudCredentials {
    .accessKey(id: Secret(id), secret: Secret(secret), securityToken: nil)
  }

  /// A temporary access key pair with its security token.
  public static func temporaryAccessKey(_ id: String, secret: String, securityToken: String)
    -> CloudCredentials
  {
    .accessKey(id: Secret(id), secret: Secret(secret), securityToken: Secret(securityToken))
  }

  /// An IAM user's password, exchanged for tokens.
  public static func password(user: String, password: String, domain: String)
    -> CloudCredentials
  {
    .passwordToken(user: Secret(user), password: Secret(password), domain: Secret(domain))
  }

  /// The kind of credentials, without any value: `permanent AK/SK (redacted)`.
  public var description: String {
    switch self {
    case .token: "IAM token (redacted)"
    case .passwordToken: "IAM user password (redacted)"
    case .accessKey(_, _, nil): "permanent AK/SK (redacted)"
    case .accessKey: "temporary AK/SK with security token (redacted)"
    }
  }

  /// The same text as ``description``.
  public var debugDescription: String { description }

  /// A mirror holding the kind only.
  public var customMirror: Mirror {
    Mirror(self, children: ["kind": description], displayStyle: .enum)
  }

  /// The signer of an access key pair; nil for token credentials.
  var signer: SDKSigner? {
    guard case .accessKey(let id, let secret, let token) = self else { return nil }
    return SDKSigner(
      credentials: Credentials(
        accessKey: id.revealed, secretKey: secret.revealed, securityToken: token?.revealed))
  }
}
