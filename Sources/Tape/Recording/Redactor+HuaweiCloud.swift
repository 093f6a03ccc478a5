extension Redactor {
  /// ``standard`` plus what Huawei Cloud's APIs and SDKs carry: the IAM token request's
  /// password and token id and its answer's `X-Subject-Token`, `X-Security-Token`, a
  /// temporary-credential answer's `access`, `secret` and `securitytoken`, IAM tokens
  /// (`MII...`) and the SDK signature's `Access=` and `Signature=` wherever they appear,
  /// the bodies of `/v3/auth/tokens` and `/securitytokens` requests never printed, and the
  /// `HUAWEICLOUD_SDK_*` credentials of the environment looked for in everything written.
  /// The `tape` commands use it; a test turns it on with `redactor: .huaweiCloud`.
  public static let huaweiCloud = Redactor.standard.adding(
    headerNames: ["x-subject-token", "x-security-token"],
    queryKeys: ["access", "securitytoken", "x-security-token"],
    jsonPointers: [
      "/auth/identity/password/user/password", "/auth/identity/token/id",
      "/credential/access", "/credential/secret", "/credential/securitytoken",
    ],
    jsonKeys: ["access", "securitytoken", "security_token"],
    patterns: [
      #"MII[A-Za-z0-9+/=_-]{20,}"#,
      #"Signature=[0-9a-fA-F]{64}"#,
      #"Access=[A-Z0-9]{16,40}"#,
    ],
    secretBodyPaths: ["/auth/tokens", "/securitytokens"],
    environmentVariables: [
      "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
      "HUAWEICLOUD_SDK_AUTH_TOKEN", "HUAWEICLOUD_SDK_PASSWORD",
    ])
}
