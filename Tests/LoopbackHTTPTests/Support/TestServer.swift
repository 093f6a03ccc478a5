import Foundation
import LoopbackHTTP

/// Starts a server, runs `body` with it, and stops it whether `body` succeeds or throws.
func withServer<Result>(
  _ configuration: HTTPServerConfiguration = .patient(),
  handler: @escaping HTTPHandler = echo,
  _ body: (HTTPServer) async throws -> Result
) async throws -> Result {
  let server = try HTTPServer.start(configuration: configuration, handler: handler)
  do {
    let result = try await body(server)
    await server.stop()
    return result
  } catch {
    await server.stop()
    throw error
  }
}

/// Answers every request with its own body and, in fields, what the server made of it:
/// `X-Method`, `X-Path`, `X-Query` (raw), `X-Body-Length`, `X-Header-Count` and `X-Remote`
/// (the client's address and port).
@Sendable func echo(_ request: HTTPRequest) async -> HTTPResponse {
  HTTPResponse(
    status: 200,
    headers: [
      "X-Method": request.method, "X-Path": request.path, "X-Query": request.query ?? "-",
      "X-Body-Length": String(request.body.count),
      "X-Header-Count": String(request.headers.count), "X-Remote": "\(request.remoteAddress)",
    ],
    body: request.body)
}

/// A GET request for `target` with a `Host` field and any `extra` fields, ready to send.
func get(_ target: String, extra: String = "") -> String {
  "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)\r\n"
}

extension HTTPServerConfiguration {
  /// A configuration whose idle and request timeouts (a minute) no test waits for, for
  /// tests of anything but those timeouts: on a loaded 2-core machine a test's task can wait
  /// seconds for a thread between two requests, which must not read as an idle client.
  static func patient(maxConnections: Int = 256) -> HTTPServerConfiguration {
    HTTPServerConfiguration(
      maxConnections: maxConnections, idleTimeout: .seconds(60),
      requestReadTimeout: .seconds(60))
  }
}
