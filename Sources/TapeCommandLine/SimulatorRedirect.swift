import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends requests addressed to the cloud's hosts to the in-process simulator instead (same
/// path and query), so a recording against the simulator keeps the cloud's URLs and
/// replays in tests written against them.
struct SimulatorRedirect: HTTPTransport {
  let simulator: URL
  let upstream: any HTTPTransport

  func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
    var redirected = request
    if let url = request.url,
      var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
      let target = URLComponents(url: simulator, resolvingAgainstBaseURL: true)
    {
      components.scheme = target.scheme
      components.host = target.host
      components.port = target.port
      redirected.url = components.url
    }
    return try await upstream.send(redirected)
  }
}
