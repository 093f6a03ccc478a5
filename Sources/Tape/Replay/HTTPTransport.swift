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

extension URLSession: HTTPTransport {
  /// Sends the request with `data(for:)`; a response that is not HTTP is an error.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    let (data, response) = try await data(for: request)
    guard let http = response as? HTTPURLResponse else {
      throw URLError(.badServerResponse)
    }
    return (data, http)
  }
}
