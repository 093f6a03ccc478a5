/// The request line and header fields of a request, parsed and checked.
struct RequestHead {
  /// The method token.
  var method: String
  /// The request target as sent.
  var target: String
  /// The protocol version.
  var version: HTTPVersion
  /// The header fields in order.
  var headers: HTTPHeaders

  /// Whether the client wants the connection kept open after the answer: HTTP/1.1 unless it
  /// sent `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
  var wantsPersistentConnection: Bool {
    let options = headers.values(for: "Connection").flatMap(HTTPGrammar.listElements)
      .map { $0.lowercased() }
    if options.contains("close") { return false }
    return version.minor >= 1 || options.contains("keep-alive")
  }

  /// Whether the client waits for `100 Continue` before sending the body (HTTP/1.1 only).
  var expectsContinue: Bool {
    version.minor >= 1
      && headers.values(for: "Expect").contains { $0.lowercased() == "100-continue" }
  }

  /// Checks the fields whose errors the handler should never see: `Host` (exactly one in
  /// HTTP/1.1, at most one in 1.0) and `Expect` (only `100-continue`, answered 417 otherwise).
  func validateSemantics() throws(MessageRejection) {
    let hosts = headers.values(for: "Host")
    if hosts.count > 1 { throw .badRequest("more than one Host field") }
    if version.minor >= 1 && hosts.isEmpty { throw .badRequest("an HTTP/1.1 request needs Host") }
    for expectation in headers.values(for: "Expect")
    where expectation.lowercased() != "100-continue" {
      throw MessageRejection(status: 417, detail: "only 100-continue can be expected")
    }
  }
}
