import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An exchange as it came, before anything turned it into an ``Interaction`` or redacted it:
/// kept as it is, so that keeping it costs the connection that answered almost nothing.
struct AnsweredExchange: Sendable {
  /// The answer's status and headers, as the transport handed them over.
  enum Head: Sendable {
    /// A Foundation response (URLSession, a transport that makes one).
    case foundation(HTTPURLResponse)
    /// A status and the header fields in the order read, repeated names included (a plain
    /// transport, a proxy): no `HTTPURLResponse` is made for them.
    case fields(status: Int, [(name: String, value: String)])
  }

  let request: URLRequest
  let head: Head
  let body: Data
  let offset: Duration
  let duration: Duration

  /// The interaction it makes, unredacted.
  var interaction: Interaction {
    let (status, headers): (Int, HeaderFields) =
      switch head {
      case .foundation(let response):
        (response.statusCode, CapturedExchange.headers(of: response))
      case .fields(let status, let fields):
        (status, CapturedExchange.headers(joining: fields))
      }
    return CapturedExchange.interaction(
      request: request, status: status, responseHeaders: headers, body: body, offset: offset,
      duration: duration)
  }
}
