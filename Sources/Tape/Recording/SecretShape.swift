import Foundation

/// A form a credential has that gives it away wherever it sits, with no name next to it:
/// an IAM token (`MII...`), a JSON web token, an AK/SK signature, `Basic` credentials, a
/// `Bearer` token, a bare Huawei Cloud access key (AK) or secret access key (SK).
///
/// The scan takes ``generic`` whatever its redactor; ``huaweiCloud``'s bare AK and SK only
/// with a redactor built on ``Redactor/huaweiCloud`` (a bare 20- or 40-character key means
/// nothing to other APIs, whose ids it could be).
struct SecretShape: Sendable {
  /// How the shape is found.
  enum Matcher: Sendable {
    /// A regular expression, run only on text that holds `literal` (all its matches do).
    case pattern(CompiledPattern, literal: String)
    /// A bare Huawei Cloud AK: 20 upper-case letters and digits.
    case huaweiAccessKey
    /// A bare Huawei Cloud SK: 40 letters of both cases and digits.
    case huaweiSecretKey
    /// `Basic` and base64 that decodes to `user:password`.
    case basicCredentials
    /// `Bearer` and a token.
    case bearerToken
  }

  let matcher: Matcher
  /// What a hit is, such as `an IAM token`.
  let kind: String
  /// The bytes every match holds one of (the first of the literal a pattern's every match
  /// holds; `b` or `B`, which a scheme's name starts with); nil when no few bytes are sure to
  /// be there (a bare key).
  let leadBytes: [UInt8]?

  /// Whether a text holding `present` may hold the shape: false when it holds none of the
  /// ``leadBytes``, so that ``matches(_:)`` need not look.
  func mayMatch(given present: ByteSet) -> Bool {
    leadBytes.map { $0.contains(where: present.contains) } ?? true
  }

  /// Whether the shape is in `text`.
  func matches(_ text: String) -> Bool {
    switch matcher {
    case .pattern(let pattern, let literal):
      text.containsBytes(of: literal) && pattern.matches(text)
    case .huaweiAccessKey: BareKey.contains(.accessKey, in: text)
    case .huaweiSecretKey: BareKey.contains(.secretKey, in: text)
    case .basicCredentials: BasicCredentials.contains(in: text)
    case .bearerToken: BearerToken.contains(in: text)
    }
  }

  private init(_ pattern: String, literal: String, _ kind: String) {
    self.matcher = .pattern(.named(pattern), literal: literal)
    self.kind = kind
    leadBytes = literal.utf8.first.map { [$0] }
  }

  private init(_ matcher: Matcher, _ kind: String) {
    self.matcher = matcher
    self.kind = kind
    switch matcher {
    case .basicCredentials, .bearerToken:
      // The scheme's name in any case (``AuthorizationScheme``).
      leadBytes = [UInt8(ascii: "b"), UInt8(ascii: "B")]
    case .pattern(_, let literal): leadBytes = literal.utf8.first.map { [$0] }
    case .huaweiAccessKey, .huaweiSecretKey: leadBytes = nil
    }
  }

  /// Shapes found whatever the redactor. Each pattern holds a literal, which is looked for
  /// first: most strings hold none of them. An IAM token starts a word: `MII` inside a
  /// longer base64 run (an image in a JSON string) is chance, not a token.
  static let generic: [SecretShape] = [
    SecretShape(#"(?<![A-Za-z0-9+/_-])MII[A-Za-z0-9+/=_-]{20,}"#, literal: "MII", "an IAM token"),
    SecretShape(
      #"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\."#, literal: "eyJ", "a JSON web token"),
    SecretShape(#"Signature=[0-9a-fA-F]{64}"#, literal: "Signature=", "an AK/SK signature"),
    SecretShape(
      #"Access=[A-Z0-9]{16,40}"#, literal: "Access=", "an access key in an Authorization value"),
    SecretShape(
      #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#, literal: "-----BEGIN ", "a private key"),
    SecretShape(.basicCredentials, "Basic credentials (base64 of user:password)"),
    SecretShape(.bearerToken, "a Bearer token"),
  ]

  /// The fewest bytes any shape is found in (`Basic` and 4 characters of base64): shorter
  /// strings are not looked at.
  static let shortestMatch = 10

  /// Huawei Cloud's bare keys.
  static let huaweiCloud: [SecretShape] = [
    SecretShape(.huaweiAccessKey, "a Huawei Cloud access key (AK)"),
    SecretShape(.huaweiSecretKey, "a Huawei Cloud secret access key (SK)"),
  ]

  /// The shapes a scan with `redactor` looks for.
  static func shapes(for redactor: Redactor) -> [SecretShape] {
    generic + (redactor.includesHuaweiCloud ? huaweiCloud : [])
  }
}

extension Redactor {
  /// Whether this redactor has every rule of ``huaweiCloud`` (it is that profile, or one
  /// built on it with `adding`).
  fileprivate var includesHuaweiCloud: Bool {
    let profile = Redactor.huaweiCloud
    return profile.headerNames.isSubset(of: headerNames)
      && profile.queryKeys.isSubset(of: queryKeys) && profile.jsonKeys.isSubset(of: jsonKeys)
      && Set(profile.patterns).isSubset(of: patterns)
      && Set(profile.environmentVariables).isSubset(of: environmentVariables)
  }
}
