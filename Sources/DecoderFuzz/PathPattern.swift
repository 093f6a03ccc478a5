/// A JSON pointer's text with its array indices (all-digit tokens) written `*`:
/// `/json/details/5/id` is `/json/details/*/id`. The same rejection or finding at another
/// index is not another behaviour: counting it as one filled the `cpts` corpus with
/// 100-element arrays rejected at each index, and saved one bug once per index.
enum PathPattern {
  /// The pattern of `pointer`.
  static func of(_ pointer: String) -> String {
    pointer.split(separator: "/", omittingEmptySubsequences: false).map { token in
      !token.isEmpty && token.utf8.allSatisfy { (48...57).contains($0) } ? "*" : token
    }.joined(separator: "/")
  }
}
