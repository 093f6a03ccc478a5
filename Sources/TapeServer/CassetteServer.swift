import Foundation
import JSONTree
import LoopbackHTTP
import Synchronization
import Tape

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Cassettes served over HTTP on 127.0.0.1 by the same `CassettePlayer` the in-process
/// replay uses, for clients in any language (`tape serve`). A request that matches nothing
/// is answered 404 with the near-miss report.
public final class CassetteServer: Sendable {
  /// The player answering every request.
  public let player: CassettePlayer
  private let server: HTTPServer
  private let counts = Mutex((served: 0, unmatched: 0))

  /// Where clients send their requests, such as `http://127.0.0.1:8080`.
  public var baseURL: URL { server.baseURL }

  private init(player: CassettePlayer, server: HTTPServer) {
    self.player = player
    self.server = server
  }

  /// Starts serving `player` on `port` (0 picks a free one); `log` gets each near-miss
  /// report as it happens.
  public static func start(
    player: CassettePlayer, port: UInt16, log: @escaping @Sendable (String) -> Void
  ) throws(HTTPServerError) -> CassetteServer {
    let box = Mutex<CassetteServer?>(nil)
    let server = try HTTPServer.start(
      configuration: HTTPServerConfiguration(port: port)
    ) { request in
      guard let cassetteServer = box.withLock({ $0 }) else {
        return .text("starting", status: 503)
      }
      return await cassetteServer.answer(request, log: log)
    }
    let cassetteServer = CassetteServer(player: player, server: server)
    box.withLock { $0 = cassetteServer }
    return cassetteServer
  }

  /// Requests answered from the cassettes, and requests that matched nothing.
  public var requestCounts: (served: Int, unmatched: Int) { counts.withLock { $0 } }

  /// Stops accepting, finishes what is in flight.
  public func stop() async {
    await server.stop()
  }

  private func answer(_ request: HTTPRequest, log: @Sendable (String) -> Void) async
    -> HTTPResponse
  {
    do {
      let (body, response) = try await player.respond(to: urlRequest(for: request))
      counts.withLock { $0.served += 1 }
      return HTTPResponse(
        status: response.statusCode, headers: headers(of: response), body: body)
    } catch let failure as ReplayFailure {
      counts.withLock { $0.unmatched += 1 }
      log(failure.reportOverHTTP(cassette: player.source) + "\n")
      return failure.notFoundAnswer(cassette: player.source)
    } catch {
      counts.withLock { $0.served += 1 }
      return .text("tape serve: a fault cut this answer: \(error)\n", status: 502)
    }
  }

  private func urlRequest(for request: HTTPRequest) -> URLRequest {
    var url = server.baseURL
    if let target = URL(string: request.target, relativeTo: server.baseURL) {
      url = target.absoluteURL
    }
    var urlRequest = URLRequest(url: url)
    urlRequest.httpMethod = request.method
    for field in request.headers {
      urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
    }
    if !request.body.isEmpty { urlRequest.httpBody = request.body }
    return urlRequest
  }

  /// The recorded headers, less the framing the server writes itself.
  private func headers(of response: HTTPURLResponse) -> HTTPHeaders {
    let framing: Set<String> = ["content-length", "transfer-encoding", "connection"]
    var headers = HTTPHeaders()
    for (name, value) in response.allHeaderFields {
      guard let name = name as? String, let value = value as? String,
        !framing.contains(name.lowercased())
      else { continue }
      headers.add(name: name, value: value)
    }
    return headers
  }
}
