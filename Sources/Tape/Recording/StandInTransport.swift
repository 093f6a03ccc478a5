import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends each request to a stand-in for the service (`tape simulate`, a staging host, a
/// local fake) at `baseURL`, the path and query kept, while the caller, and a recording
/// around it, see the service's own URL: a cassette recorded through it holds the cloud's
/// URLs and replays in tests written against them, whatever port the stand-in had.
///
/// ```swift
/// @Test(.cassette("check", record: .once, upstream: StandInTransport(at: simulatorURL)))
/// ```
///
/// A `baseURL` with a path (`http://127.0.0.1:8080/fake`) puts it before the request's path.
/// The answer's URL is the request's original one.
public struct StandInTransport: HTTPTransport {
  /// Where requests really go.
  public let baseURL: URL
  /// What sends them there.
  public let upstream: any HTTPTransport

  /// Creates a transport sending to the stand-in at `baseURL` through `upstream`.
  public init(
    at baseURL: URL, through upstream: any HTTPTransport = RecordingTransport.defaultUpstream
  ) {
    self.baseURL = baseURL
    self.upstream = upstream
  }

  /// Sends the request to the stand-in; the answer carries the request's own URL.
  public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    guard let original = request.url else { return try await upstream.send(request) }
    var redirected = request
    redirected.url = redirect(original)
    let (body, response) = try await upstream.send(redirected)
    var headers: [String: String] = [:]
    for (name, value) in response.allHeaderFields {
      if let name = name as? String, let value = value as? String { headers[name] = value }
    }
    let answer =
      HTTPURLResponse(
        url: original, statusCode: response.statusCode, httpVersion: "HTTP/1.1",
        headerFields: headers) ?? response
    return (body, answer)
  }

  /// `url` with the stand-in's scheme, host and port, and its path after the stand-in's.
  func redirect(_ url: URL) -> URL {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
      let target = URLComponents(url: baseURL, resolvingAgainstBaseURL: true)
    else { return url }
    components.scheme = target.scheme
    components.host = target.host
    components.port = target.port
    var prefix = target.percentEncodedPath
    if prefix.hasSuffix("/") { prefix.removeLast() }
    components.percentEncodedPath = prefix + components.percentEncodedPath
    return components.url ?? url
  }
}
