/// Turns a handler's answer into the bytes sent on the wire.
///
/// The answer is checked first: a status outside 200...999, a reason phrase or field with a
/// control byte (which could split the response), a field name that is not a token, or a
/// `Transfer-Encoding` field (the server frames every body with `Content-Length`) make the
/// server send a 500 instead, saying why.
enum ResponseSerializer {
  /// How the exchange ends, which decides the framing fields the server adds.
  struct Context {
    /// The request was HEAD: no body is sent.
    var isHeadRequest: Bool
    /// The connection closes after this answer: `Connection: close` is added.
    var closesConnection: Bool
    /// The request was HTTP/1.0 with keep-alive: `Connection: keep-alive` is added.
    var confirmsKeepAlive: Bool
    /// The value of the `Date` field, added when the handler set none.
    var date: String
  }

  /// The bytes of `response` (or of the 500 replacing an invalid one).
  static func serialize(_ response: HTTPResponse, context: Context) -> [UInt8] {
    if let problem = problem(in: response) {
      let replacement = HTTPResponse.text(
        "Internal Server Error: the handler's answer \(problem)\n", status: 500)
      return encode(replacement, context: context)
    }
    return encode(response, context: context)
  }

  /// Why the answer cannot be sent as is; nil when it can.
  static func problem(in response: HTTPResponse) -> String? {
    guard (200...999).contains(response.status) else {
      return "has status \(response.status), outside 200...999"
    }
    guard response.reasonPhrase.utf8.allSatisfy(HTTPGrammar.isFieldValueByte) else {
      return "has a control byte in its reason phrase"
    }
    for (name, value) in response.headers.fields {
      guard HTTPGrammar.isToken(name) else { return "has a field name that is not a token" }
      guard value.utf8.allSatisfy(HTTPGrammar.isFieldValueByte) else {
        return "has a control byte in field \(name)"
      }
      if HTTPHeaders.name(name, matches: "Transfer-Encoding") {
        return "sets Transfer-Encoding; bodies are framed with Content-Length"
      }
    }
    return nil
  }

  private static func encode(_ response: HTTPResponse, context: Context) -> [UInt8] {
    let status = response.status
    let bodyForbidden = status == 204 || status == 304
    let sendsBody = !context.isHeadRequest && !bodyForbidden
    var headers = response.headers
    if bodyForbidden {
      if status == 204 { headers.remove(name: "Content-Length") }
    } else if !context.isHeadRequest || !headers.contains("Content-Length") {
      let length = String(response.body.count)
      if headers.values(for: "Content-Length") != [length] {
        headers.replace(name: "Content-Length", value: length)
      }
    }
    if !headers.contains("Date") { headers.add(name: "Date", value: context.date) }
    if context.closesConnection {
      let options = headers.values(for: "Connection").flatMap(HTTPGrammar.listElements)
      if !options.contains(where: { $0.lowercased() == "close" }) {
        headers.add(name: "Connection", value: "close")
      }
    } else if context.confirmsKeepAlive && !headers.contains("Connection") {
      headers.add(name: "Connection", value: "keep-alive")
    }

    var bytes: [UInt8] = []
    bytes.reserveCapacity(128 + headers.count * 40 + (sendsBody ? response.body.count : 0))
    bytes.append(contentsOf: "HTTP/1.1 \(status) \(response.reasonPhrase)\r\n".utf8)
    for (name, value) in headers.fields {
      bytes.append(contentsOf: name.utf8)
      bytes.append(contentsOf: ": ".utf8)
      bytes.append(contentsOf: value.utf8)
      bytes.append(contentsOf: "\r\n".utf8)
    }
    bytes.append(contentsOf: "\r\n".utf8)
    if sendsBody { bytes.append(contentsOf: response.body) }
    return bytes
  }
}
