/// Decides from its name alone whether a JSON key, a form field or a query key holds a
/// secret, the generic rule every ``Redactor`` applies on top of its listed names.
///
/// A name is split into lower-case words (at `_`, `-`, `.`, spaces and lower-to-upper case
/// changes: `client_secret`, `secretKey`, `X-Amz-Credential` and `AccessKeyId` all split).
/// - **Everything below is secret** when a word is `passphrase` or `secret`, or the words
///   hold `private key`: `{"secret": {"key": "…"}}` is redacted whole.
/// - **The value is secret** (a string, a number, or an array of them; an object under it is
///   judged member by member) when the last word is `password`, `passwd`, `pwd`, `token` (or
///   ends in `token`, as `securitytoken`), `credential`, `credentials`, `signature`,
///   `apikey`, `ak` or `sk`, or the words hold `api key` or `access key`:
///   `{"password": ["…"]}` is redacted, while `token_type` and `token_expires_in` are not
///   secret, and IAM's `{"password": {"user": {"name": …}}}` and `{"token": {"expires_at":
///   …}}` keep their members.
enum SecretName {
  /// How much of what a name holds is secret.
  enum Secrecy: Comparable, Sendable {
    /// Nothing: the name says nothing secret.
    case none
    /// The value, when it is a string or a number.
    case value
    /// Every string and number at any depth below the name.
    case everythingBelow
  }

  private static let containerWords: Set<String> = ["passphrase", "secret"]
  private static let valueWords: Set<String> = [
    "password", "passwd", "pwd", "token", "credential", "credentials", "signature", "apikey",
    "ak", "sk",
  ]

  /// How secret what `name` holds is.
  static func secrecy(of name: String) -> Secrecy {
    guard mayBeSecret(name) else { return .none }
    let words = self.words(of: name)
    guard let last = words.last else { return .none }
    if words.contains(where: containerWords.contains) { return .everythingBelow }
    for (first, second) in zip(words, words.dropFirst()) where second == "key" {
      if first == "private" { return .everythingBelow }
      if first == "api" || first == "access" { return .value }
    }
    if valueWords.contains(last) || last.hasSuffix("token") { return .value }
    return .none
  }

  /// Parts every secret name holds one of (lower case); a name holding none is not split
  /// into words at all, which is most names (`Content-Type`, `task_status`).
  private static let telltales: [[UInt8]] = [
    "pass", "pwd", "secret", "token", "credential", "signature", "key", "ak", "sk",
  ].map { Array($0.utf8) }

  /// Whether `name`, lower-cased, holds one of the ``telltales``: one pass over the name,
  /// each byte lowered as it is read (no lower-cased copy: every key of every document is
  /// asked), the telltales starting with it compared only where one may start.
  private static func mayBeSecret(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      for start in bytes.indices {
        let first = lowered(bytes[start])
        guard telltaleStarts.contains(first) else { continue }
        for telltale in telltales
        where telltale[0] == first && start + telltale.count <= bytes.count {
          var matched = 1
          while matched < telltale.count, lowered(bytes[start + matched]) == telltale[matched] {
            matched += 1
          }
          if matched == telltale.count { return true }
        }
      }
      return false
    }
  }

  /// The first bytes of the ``telltales``.
  private static let telltaleStarts = ByteSet(
    String(decoding: telltales.map { $0[0] }, as: UTF8.self))

  /// `byte` with an ASCII upper-case letter made lower-case.
  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  /// The lower-case words of a name (bytes outside ASCII are kept as letters).
  static func words(of name: String) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    var previousIsLower = false
    for byte in name.utf8 {
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isLower = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
      guard isUpper || isLower || byte >= 0x80 else {
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        previousIsLower = false
        continue
      }
      if isUpper && previousIsLower {
        words.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
      }
      current.append(isUpper ? byte + 0x20 : byte)
      previousIsLower = isLower || byte >= 0x80
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }
}
