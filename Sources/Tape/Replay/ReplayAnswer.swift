import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What the player sends back for one request: the response head, the body bytes, and
/// whether the connection is cut after them (a truncated-body fault).
struct ReplayAnswer {
  /// The response head; its `Content-Length` is the full recorded length even when cut.
  var response: HTTPURLResponse
  /// The bytes sent: the whole body, or the part sent before the cut.
  var body: Data
  /// The index of the interaction answering.
  var interaction: Int
  /// Whether the connection is lost after `body`, as a real cut connection would be.
  var isCut: Bool

  /// The client's error for a cut: `networkConnectionLost`, carrying what arrived.
  var cutError: URLError {
    URLError(
      .networkConnectionLost,
      userInfo: [
        NSLocalizedDescriptionKey:
          "Tape cut the connection of interaction #\(interaction) after \(body.count) bytes "
          + "of the body (truncated-body fault)",
        URLError.partialBodyKey: body, URLError.partialResponseKey: response,
      ])
  }
}
