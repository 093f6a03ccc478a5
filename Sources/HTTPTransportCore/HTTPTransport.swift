import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The seam between a client and the network, like Go's `http.RoundTripper`: one request
/// in, one HTTP response out. `URLSession` is one; Tape's replaying transport is another.
public protocol HTTPTransport: Sendable {
  /// Sends a request and returns the response body and head.
  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
}
