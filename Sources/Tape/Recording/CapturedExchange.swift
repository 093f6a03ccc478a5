import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Turns a live request and its answer into an ``Interaction`` as a cassette stores it,
/// before redaction.
///
/// The request keeps only the headers the caller set (a URLSession adds its own on the
/// wire). A response that arrived compressed (`Content-Encoding: gzip` or `deflate`) is
/// stored decoded, whether URLSession decoded it already (its headers still name the coding
/// and give the compressed length) or it is still compressed (a plain transport, a proxy's
/// upstream), when ``ContentDecoding`` inflates it here: marked `decodedFrom`, the
/// `Content-Encoding` header dropped and `Content-Length` set to the stored length. A body
/// that is still compressed but does not decode (corrupt, truncated, past the limit) is
/// stored as it came, as base64, with its header. A chunked answer is stored whole:
/// `Transfer-Encoding` dropped, `Content-Length` set.
enum CapturedExchange {
  static func interaction(
    request: URLRequest, response: HTTPURLResponse, body: Data, offset: Duration,
    duration: Duration
  ) -> Interaction {
    interaction(
      request: request, status: response.statusCode, responseHeaders: headers(of: response),
      body: body, offset: offset, duration: duration)
  }

  /// The header fields of a Foundation response.
  static func headers(of response: HTTPURLResponse) -> HeaderFields {
    HeaderFields(
      response.allHeaderFields.compactMap { key, value in
        guard let name = key as? String, let text = value as? String else { return nil }
        return HeaderFields.Field(name, text)
      })
  }

  /// Header fields as read off the wire, as Foundation would have them: a repeated name
  /// (any case) once, in its first spelling, its values joined with `, ` in order.
  static func headers(joining fields: [(name: String, value: String)]) -> HeaderFields {
    var result: [HeaderFields.Field] = []
    var positions: [String: Int] = [:]  // lower-cased name: its place in `result`
    for (name, value) in fields {
      let key = name.lowercased()
      if let position = positions[key] {
        result[position].value += ", " + value
      } else {
        positions[key] = result.count
        result.append(HeaderFields.Field(name, value))
      }
    }
    return HeaderFields(result)
  }

  /// The interaction of a request and an answer given as its status and header fields.
  static func interaction(
    request: URLRequest, status: Int, responseHeaders: HeaderFields, body: Data,
    offset: Duration, duration: Duration
  ) -> Interaction {
    let requestHeaders = HeaderFields(request.allHTTPHeaderFields ?? [:])
    let requestBody = RequestSnapshot.body(of: request)
    var responseHeaders = responseHeaders
    let encoding = responseHeaders["Content-Encoding"]?.lowercased()
      .trimmingCharacters(in: .whitespaces)
    var decodedFrom: String?
    var body = body
    if let encoding, RecordedBody.contentCodings.contains(encoding) {
      switch ContentDecoding.decode(body, coding: encoding) {
      case .decoded(let decoded):
        body = decoded
        decodedFrom = encoding
      case .notEncoded:
        decodedFrom = encoding
      case .undecodable:
        // Stored as it came (base64), with its header: replay sends what the server sent.
        break
      }
      if decodedFrom != nil {
        responseHeaders.set("Content-Encoding", to: nil)
        responseHeaders.set("Content-Length", to: String(body.count))
      }
    }
    if responseHeaders["Transfer-Encoding"] != nil {
      responseHeaders.set("Transfer-Encoding", to: nil)
      responseHeaders.set("Content-Length", to: String(body.count))
    }
    let responseType = responseHeaders["Content-Type"]
    var stored: RecordedBody? =
      body.isEmpty ? nil : RecordedBody(data: body, contentType: responseType)
    stored?.decodedFrom = decodedFrom
    return Interaction(
      request: RecordedRequest(
        method: request.httpMethod ?? "GET", url: request.url?.absoluteString ?? "",
        headers: requestHeaders,
        body: requestBody.isEmpty
          ? nil : RecordedBody(data: requestBody, contentType: requestHeaders["Content-Type"])),
      response: RecordedResponse(
        status: status, headers: responseHeaders, body: stored),
      offset: offset, duration: duration)
  }
}
