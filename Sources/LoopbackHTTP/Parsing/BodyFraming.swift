/// How the body of a message is delimited (RFC 9112 §6), for a request the server reads and
/// for a response a client reads alike.
enum BodyFraming: Equatable {
  /// `Content-Length` bytes follow the head (0 when there is no body).
  case length(Int)
  /// The body is sent in chunks (`Transfer-Encoding: chunked`).
  case chunked
  /// The body is everything until the connection closes: a response with neither a length
  /// nor a coding (never a request, whose body is then empty).
  case untilClose

  /// The framing a request head announces, refusing what could be read two ways: a transfer
  /// coding together with a length, lengths that differ, a length that is not a plain
  /// decimal number, a coding list not ending in `chunked` (400); a coding other than
  /// `chunked` (501); a length beyond `maxBodyBytes` (413); a coding in an HTTP/1.0 request
  /// (400). Neither field: no body.
  init(head: RequestHead, maxBodyBytes: Int) throws(MessageRejection) {
    self =
      try Self.announced(by: head.headers, version: head.version, maxBodyBytes: maxBodyBytes)
      ?? .length(0)
  }

  /// The framing of a response to a `requestMethod` request, by RFC 9112 §6.3: no body for
  /// an answer to HEAD, nor for a 1xx, 204 or 304; else what the head announces, refused as
  /// a request's would be (a transfer coding with a length is an error here too, as the RFC
  /// advises of a message that may be smuggling another); neither field: until the
  /// connection closes. A 2xx answer to CONNECT (a tunnel) is refused with 501.
  static func response(
    status: Int, headers: HTTPHeaders, version: HTTPVersion, requestMethod: String,
    maxBodyBytes: Int
  ) throws(MessageRejection) -> BodyFraming {
    if requestMethod == "HEAD" || status < 200 || status == 204 || status == 304 {
      return .length(0)
    }
    if requestMethod == "CONNECT" && status < 300 {
      throw MessageRejection(status: 501, detail: "a tunnel (2xx to CONNECT) is not read")
    }
    return try announced(by: headers, version: version, maxBodyBytes: maxBodyBytes)
      ?? .untilClose
  }

  /// What `Transfer-Encoding` and `Content-Length` say; nil when neither is present.
  private static func announced(
    by headers: HTTPHeaders, version: HTTPVersion, maxBodyBytes: Int
  ) throws(MessageRejection) -> BodyFraming? {
    let codings = headers.values(for: "Transfer-Encoding")
    let lengths = headers.values(for: "Content-Length")
    if !codings.isEmpty {
      guard lengths.isEmpty else {
        throw .badRequest("both Transfer-Encoding and Content-Length are present")
      }
      guard version.minor >= 1 else {
        throw .badRequest("HTTP/1.0 has no Transfer-Encoding")
      }
      try Self.checkCodings(codings.flatMap(HTTPGrammar.listElements))
      return .chunked
    }
    guard let length = try Self.contentLength(lengths) else { return nil }
    guard length <= maxBodyBytes else { throw .contentTooLarge(limit: maxBodyBytes) }
    return .length(length)
  }

  private static func checkCodings(_ codings: [Substring]) throws(MessageRejection) {
    guard codings.allSatisfy(HTTPGrammar.isToken) else {
      throw .badRequest("Transfer-Encoding is not a list of codings")
    }
    let lowered = codings.map { $0.lowercased() }
    guard lowered.last == "chunked", lowered.dropLast().allSatisfy({ $0 != "chunked" }) else {
      throw .badRequest("Transfer-Encoding must end with chunked, once")
    }
    guard lowered.count == 1 else {
      throw MessageRejection(status: 501, detail: "only the chunked transfer coding is read")
    }
  }

  /// The length every `Content-Length` value agrees on (each may be a list of equal values);
  /// `Int.max` for a number too large to represent.
  private static func contentLength(_ values: [String]) throws(MessageRejection) -> Int? {
    // The usual field, one plain number, read without splitting it as a list.
    if values.count == 1, let digits = values.first?.utf8, (1...18).contains(digits.count),
      digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    {
      return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
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
