/// Which headers an ``SDKSigner`` signs, besides `host`, `x-sdk-date` and, for temporary
/// credentials, `x-security-token`, which it always signs. `Authorization` is never signed.
public enum SignedHeaderSelection: Hashable, Sendable {
  /// Every header present in the request, as the official SDKs do.
  case allPresent
  /// Only the headers named here (any case), which must all be present.
  case named([String])
}
