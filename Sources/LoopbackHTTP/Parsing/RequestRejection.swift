/// Why a request is refused before it reaches the handler: the status to answer with and a
/// short explanation for the body. The connection always closes after it.
struct RequestRejection: Error, Equatable {
  /// The 4xx or 5xx status.
  let status: Int
  /// One line saying what was wrong.
  let detail: String

  /// 400: the request does not follow the HTTP/1.1 grammar.
  static func badRequest(_ detail: String) -> RequestRejection {
    RequestRejection(status: 400, detail: detail)
  }

  /// 413: the body is larger than the configured limit.
  static func contentTooLarge(limit: Int) -> RequestRejection {
    RequestRejection(status: 413, detail: "the body is larger than \(limit) bytes")
  }

  /// 431: the request line and header fields are larger than the configured limit.
  static func headTooLarge(_ detail: String) -> RequestRejection {
    RequestRejection(status: 431, detail: detail)
  }

  /// 408: the request did not arrive in full in time.
  static let timeout = RequestRejection(
    status: 408, detail: "the request did not arrive in full in time")

  /// The answer sent to the client.
  var response: HTTPResponse {
    .text("\(HTTPResponse.standardReasonPhrase(for: status)): \(detail)\n", status: status)
  }
}
