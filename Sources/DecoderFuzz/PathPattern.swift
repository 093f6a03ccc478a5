import JSONTree

/// A JSON pointer's text with its array indices (all-digit tokens) written `*`:
/// `/json/details/5/id` is `/json/details/*/id`. The same rejection or finding at another
/// index is not another behaviour: counting it as one filled the `cpts` corpus with
/// 100-element arrays rejected at each index, and saved one bug once per index.
enum PathPattern {
  /// The pattern of a pointer's text.
  static func of(_ pointer: String) -> String {
    pointer.split(separator: "/", omittingEmptySubsequences: false).map { token in
      !token.isEmpty && token.utf8.allSatisfy { (48...57).contains($0) } ? "*" : token
    }.joined(separator: "/")
  }

  /// The pattern of `pointer`, written in one pass from its tokens: the same text as
  /// `of(pointer.description)` without writing the pointer first (a rejection 512 levels
  /// deep has a 512-token pointer, and the fuzzer signs every rejected input).
  static func of(_ pointer: JSONPointer) -> String {
    var text: [UInt8] = []
    for token in pointer.tokens {
      text.append(UInt8(ascii: "/"))
      if !token.isEmpty, token.utf8.allSatisfy({ (48...57).contains($0) }) {
        text.append(UInt8(ascii: "*"))
        continue
      }
      for byte in token.utf8 {
        switch byte {
        case UInt8(ascii: "~"): text += [UInt8(ascii: "~"), UInt8(ascii: "0")]
        case UInt8(ascii: "/"): text += [UInt8(ascii: "~"), UInt8(ascii: "1")]
        default: text.append(byte)
        }
      }
    }
    return String(decoding: text, as: UTF8.self)
  }
}
