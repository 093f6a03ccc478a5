import Foundation

/// The answer a handler gives to one request.
///
/// The server sends the status, reason phrase, headers and body as given, adding only
/// `Content-Length` (set to the body's length; a HEAD answer keeps the handler's value),
/// `Date` when absent, and `Connection: close` when the connection is about to close.
public struct HTTPResponse: Sendable {
  /// The status code, 200...999; anything else is answered as a 500 by the server.
  public var status: Int
  /// The reason phrase sent after the status code.
  public var reasonPhrase: String
  /// The header fields, in the order they are sent.
  public var headers: HTTPHeaders
  /// The body (not sent for HEAD requests, 204 and 304 answers).
  public var body: Data
  /// Work the answer does not wait for (keeping a record of the exchange, say): run on the
  /// connection's own thread once the answer is written, or the write failed because the
  /// client left, before the connection reads its next request. The server's `stop()`
  /// returns only after it has run. No other thread is woken for it.
  public var afterSending: (@Sendable () -> Void)?

  /// Creates a response; the reason phrase defaults to the standard one for the status.
  public init(
    status: Int = 200, reasonPhrase: String? = nil, headers: HTTPHeaders = [:],
    body: Data = Data()
  ) {
    self.status = status
    self.reasonPhrase = reasonPhrase ?? Self.standardReasonPhrase(for: status)
    self.headers = headers
    self.body = body
  }

  /// The body as UTF-8 text; nil when it is not valid UTF-8.
  public var bodyText: String? { String(validating: body, as: UTF8.self) }
}
