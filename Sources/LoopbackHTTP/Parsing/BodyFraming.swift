/// How the body of a request is delimited (RFC 9112 §6).
enum BodyFraming: Equatable {
  /// `Content-Length` bytes follow the head (0 when neither length nor coding is given).
  case length(Int)
  /// The body is sent in chunks (`Transfer-Encoding: chunked`).
  case chunked

  /// The framing the head announces, refusing what could be read two ways: a transfer coding
  /// together with a length, lengths that differ, a length that is not a plain decimal
  /// number, a coding list not ending in `chunked` (400); a coding other than `chunked`
  /// (501); a length beyond `maxBodyBytes` (413); a coding in an HTTP/1.0 request (400).
  init(head: RequestHead, maxBodyBytes: Int) throws(RequestRejection) {
    let codings = head.headers.values(for: "Transfer-Encoding")
    let lengths = head.headers.values(for: "Content-Length")
    if !codings.isEmpty {
      guard lengths.isEmpty else {
        throw .badRequest("both Transfer-Encoding and Content-Length are present")
      }
      guard head.version.minor >= 1 else {
        throw .badRequest("HTTP/1.0 has no Transfer-Encoding")
      }
      try Self.checkCodings(codings.flatMap(HTTPGrammar.listElements))
      self = .chunked
      return
    }
    guard let length = try Self.contentLength(lengths) else {
      self = .length(0)
      return
    }
    guard length <= maxBodyBytes else { throw .contentTooLarge(limit: maxBodyBytes) }
    self = .length(length)
  }

  private static func checkCodings(_ codings: [Substring]) throws(RequestRejection) {
    guard codings.allSatisfy(HTTPGrammar.isToken) else {
      throw .badRequest("Transfer-Encoding is not a list of codings")
    }
    let lowered = codings.map { $0.lowercased() }
    guard lowered.last == "chunked", lowered.dropLast().allSatisfy({ $0 != "chunked" }) else {
      throw .badRequest("Transfer-Encoding must end with chunked, once")
    }
    guard lowered.count == 1 else {
      throw RequestRejection(status: 501, detail: "only the chunked transfer coding is served")
    }
  }

  /// The length every `Content-Length` value agrees on (each may be a list of equal values);
  /// `Int.max` for a number too large to represent.
  private static func contentLength(_ values: [String]) throws(RequestRejection) -> Int? {
    var agreed: Int?
    for element in values.flatMap(HTTPGrammar.listElements) {
      guard !element.isEmpty, element.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
        throw .badRequest("Content-Length is not a decimal number")
      }
      let value = Int(element) ?? Int.max
      if let agreed, agreed != value {
        throw .badRequest("Content-Length values differ")
      }
      agreed = value
    }
    return agreed
  }
}
