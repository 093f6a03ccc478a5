import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An exchange as it came, before anything turned it into an ``Interaction`` or redacted it:
/// kept as it is, so that keeping it costs the connection that answered almost nothing.
struct AnsweredExchange: Sendable {
  let request: URLRequest
  let response: HTTPURLResponse
  let body: Data
  let offset: Duration
  let duration: Duration

  /// The interaction it makes, unredacted.
  var interaction: Interaction {
    CapturedExchange.interaction(
      request: request, response: response, body: body, offset: offset, duration: duration)
  }
}
