/// Why a message is refused by the HTTP/1.1 parser: a status and a short explanation.
///
/// For a request, the status is what the server answers with, and the connection always
/// closes after it. For a response (``HTTPResponseReader``), the status only sorts the
/// refusal (413: too large; 501: not supported; 400 and others: malformed) and the detail is
/// what ``HTTPResponseError`` says.
struct MessageRejection: Error, Equatable {
  /// The 4xx or 5xx status.
  let status: Int
  /// One line saying what was wrong.
  let detail: String

  /// 400: the message does not follow the HTTP/1.1 grammar.
  static func badRequest(_ detail: String) -> MessageRejection {
    MessageRejection(status: 400, detail: detail)
  }

  /// 413: the body is larger than the configured limit.
  static func contentTooLarge(limit: Int) -> MessageRejection {
    MessageRejection(status: 413, detail: "the body is larger than \(limit) bytes")
  }

  /// 431: the start line and header fields are larger than the configured limit.
  static func headTooLarge(_ detail: String) -> MessageRejection {
    MessageRejection(status: 431, detail: detail)
  }

  /// 408: the request did not arrive in full in time.
  static let timeout = MessageRejection(
    status: 408, detail: "the request did not arrive in full in time")

  /// The answer sent to the client.
  var response: HTTPResponse {
    .text("\(HTTPResponse.standardReasonPhrase(for: status)): \(detail)\n", status: status)
  }
}
