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

  /// The answer to `request`, which becomes a `URLRequest` the way `tape proxy`'s requests
  /// do (``ServedRequest``): its method as spelled, its path and query (those of an
  /// absolute-form target too) at this server's base URL, its headers less the hop-by-hop
  /// ones; what cannot be taken as sent is refused (400, 501), as the proxy refuses it.
  private func answer(_ request: HTTPRequest, log: @Sendable (String) -> Void) async
    -> HTTPResponse
  {
    let urlRequest: URLRequest
    do {
      urlRequest = try ServedRequest.urlRequest(for: request, at: server.baseURL, as: .serve)
    } catch {
      return error.response
    }
    do {
      let (body, response) = try await player.respond(to: urlRequest)
      counts.withLock { $0.served += 1 }
      return ServedRequest.answer(body, response)
    } catch let failure as ReplayFailure {
      counts.withLock { $0.unmatched += 1 }
      log(failure.reportOverHTTP(cassette: player.source) + "\n")
      return failure.notFoundAnswer(cassette: player.source)
    } catch {
      counts.withLock { $0.served += 1 }
      return .text("tape serve: a fault cut this answer: \(error)\n", status: 502)
    }
  }
}
