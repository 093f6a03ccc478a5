/// A parsed request line: `method SP request-target SP HTTP-version`.
struct RequestLine: StartLine {
  static let name = "request line"
  static let skipsLeadingEmptyLines = true
  static let removesWhitespaceBeforeColon = false

  /// The method token.
  let method: String
  /// The request target.
  let target: String
  /// The protocol version.
  let version: HTTPVersion

  /// Parses one line (without its CRLF), strictly: single spaces, a token method, a target
  /// of visible ASCII in origin form, absolute form or `*`, and `HTTP/1.x`.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(MessageRejection) -> RequestLine {
    guard let firstSpace = line.firstIndex(of: HTTPGrammar.space), firstSpace > 0 else {
      throw .badRequest("the request line has no method")
    }
    let methodBytes = line[..<firstSpace]
    guard methodBytes.allSatisfy(HTTPGrammar.isTokenByte) else {
      throw .badRequest("the method is not a token")
    }
    let targetStart = firstSpace + 1
    guard let secondSpace = line[targetStart...].firstIndex(of: HTTPGrammar.space),
      secondSpace > targetStart
    else { throw .badRequest("the request line has no target") }
    let targetBytes = line[targetStart..<secondSpace]
    guard targetBytes.allSatisfy(HTTPGrammar.isTargetByte) else {
      throw .badRequest("the request target holds a byte that is not visible ASCII")
    }
    let version = try parseVersion(line[(secondSpace + 1)...])
    let method = String(decoding: methodBytes, as: UTF8.self)
    let target = String(decoding: targetBytes, as: UTF8.self)
    try checkForm(of: target, method: method)
    return RequestLine(method: method, target: target, version: version)
  }

  private static func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>)
    throws(MessageRejection) -> HTTPVersion
  {
    let text = Array(bytes)
    let prefix = Array("HTTP/".utf8)
    guard text.count == 8, Array(text[0..<5]) == prefix, text[6] == UInt8(ascii: "."),
      let major = digit(text[5]), let minor = digit(text[7])
    else { throw .badRequest("the version is not HTTP/<digit>.<digit>") }
    guard major == 1 else {
      throw MessageRejection(status: 505, detail: "only HTTP/1.x is served")
    }
    return HTTPVersion(major: 1, minor: min(minor, 1))
  }

  private static func digit(_ byte: UInt8) -> Int? {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
  }

  private static func checkForm(of target: String, method: String) throws(MessageRejection) {
    if target.hasPrefix("/") { return }
    if target == "*" && method == "OPTIONS" { return }
    let lowered = target.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { return }
    throw .badRequest("the request target is not a path, an absolute URL or OPTIONS *")
  }
}
