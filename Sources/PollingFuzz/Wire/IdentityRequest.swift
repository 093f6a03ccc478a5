/// The one request of a session that is not a poll: IAM's `POST .../v3/auth/tokens`, which
/// asks for a new token. Every transport and server of the fuzzer tells it apart this way.
enum IdentityRequest {
  /// Whether a request with `method` and `path` asks IAM for a token.
  static func matches(method: String, path: String) -> Bool {
    method == "POST" && path.hasSuffix("/v3/auth/tokens")
  }
}
