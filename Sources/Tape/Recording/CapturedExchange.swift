import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Turns a live request and its answer into an ``Interaction`` as a cassette stores it,
/// before redaction.
///
/// The request keeps only the headers the caller set (a URLSession adds its own on the
/// wire). A response that arrived compressed is already decoded by URLSession while its
/// headers still say `Content-Encoding: gzip` and give the compressed length: the body is
/// stored decoded, marked `decodedFrom`, the `Content-Encoding` header dropped and
/// `Content-Length` set to the stored length. A chunked answer is stored whole:
/// `Transfer-Encoding` dropped, `Content-Length` set.
enum CapturedExchange {
  static func interaction(
    request: URLRequest, response: HTTPURLResponse, body: Data, offset: Duration,
    duration: Duration
  ) -> Interaction {
    let requestHeaders = HeaderFields(request.allHTTPHeaderFields ?? [:])
    let requestBody = RequestSnapshot.body(of: request)
    var responseHeaders = HeaderFields(
      response.allHeaderFields.compactMap { key, value in
        guard let name = key as? String, let text = value as? String else { return nil }
        return HeaderFields.Field(name, text)
      })
    let encoding = responseHeaders["Content-Encoding"]?.lowercased()
      .trimmingCharacters(in: .whitespaces)
    var decodedFrom: String?
    if let encoding, RecordedBody.contentCodings.contains(encoding), !isCompressed(body, encoding) {
      decodedFrom = encoding
      responseHeaders.set("Content-Encoding", to: nil)
      responseHeaders.set("Content-Length", to: String(body.count))
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
        status: response.statusCode, headers: responseHeaders, body: stored),
      offset: offset, duration: duration)
  }

  /// Whether `body` still starts like a compressed stream of `encoding` (then it is stored
  /// as it came, as base64, with its header).
  private static func isCompressed(_ body: Data, _ encoding: String) -> Bool {
    switch encoding {
    case "gzip": body.starts(with: [0x1f, 0x8b])
    case "deflate": body.first == 0x78
    default: false
    }
  }
}
