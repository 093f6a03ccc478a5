import Foundation
import LoopbackHTTP
import Synchronization

/// Two loopback servers for redirect tests, on 127.0.0.1 and ephemeral ports: `origin`, the
/// one requests are sent to, answers a redirect where `redirect` gives a location (a 302
/// unless told otherwise, with a small body) and a 200 elsewhere; `other`, a second origin
/// (another port), answers every request with a 403 error body, which ends a client's
/// polling at once should it ever get there. Both keep every request they receive.
public final class RedirectingServers: Sendable {
  /// The server requests are sent to.
  public let origin: HTTPServer
  /// Another origin, where a cross-origin redirect points.
  public let other: HTTPServer
  /// The body of every redirect `origin` answers.
  public static let redirectBody = "moved; see Location"
  /// The body of `other`'s 403.
  public static let otherBody =
    #"{"error_code":"APIG.0302","error_msg":"this origin must never be reached"}"#
  private let originLog = RequestLog()
  private let otherLog = RequestLog()

  /// The credential headers the tests send, which must never reach `other`.
  public static let credentialHeaders = ["X-Auth-Token", "Authorization", "X-Security-Token"]

  /// Starts both. `redirect` gets a request to `origin` and `other`'s base URL and returns
  /// the `Location` to answer with, or nil to answer `{"landed":"origin"}` with a 200.
  public init(
    status: Int = 302,
    redirect: @escaping @Sendable (_ request: HTTPRequest, _ other: URL) -> String?
  ) throws {
    let (originLog, otherLog) = (originLog, otherLog)
    let other = try HTTPServer.start { request in
      otherLog.append(request)
      return .json(text: Self.otherBody, status: 403)
    }
    let otherURL = other.baseURL
    do {
      origin = try HTTPServer.start { request in
        originLog.append(request)
        guard let location = redirect(request, otherURL) else {
          return .json(text: #"{"landed":"origin"}"#)
        }
        return .text(Self.redirectBody, status: status, headers: ["Location": location])
      }
    } catch {
      other.beginStop()
      throw error
    }
    self.other = other
  }

  /// Every request `origin` received, in order.
  public var receivedByOrigin: [HTTPRequest] { originLog.requests }
  /// Every request `other` received, in order.
  public var receivedByOther: [HTTPRequest] { otherLog.requests }

  /// The credential headers among those `other` received (none when all is well).
  public var credentialsReceivedByOther: [String] {
    receivedByOther.flatMap { request in
      Self.credentialHeaders.filter { request.headers[$0] != nil }
    }
  }

  /// `other`'s origin as an error names it: `http://127.0.0.1:<port>`.
  public var otherOrigin: String { "http://127.0.0.1:\(other.port)" }

  /// Stops both servers.
  public func stop() async {
    await origin.stop()
    await other.stop()
  }

  /// Runs `body` with two started servers and stops them afterwards, whether it returns or
  /// throws.
  public static func with<Result>(
    status: Int = 302,
    redirect: @escaping @Sendable (_ request: HTTPRequest, _ other: URL) -> String?,
    _ body: (RedirectingServers) async throws -> Result
  ) async throws -> Result {
    let servers = try RedirectingServers(status: status, redirect: redirect)
    do {
      let result = try await body(servers)
      await servers.stop()
      return result
    } catch {
      await servers.stop()
      throw error
    }
  }
}

/// The requests one server received, in order.
private final class RequestLog: Sendable {
  private let received = Mutex<[HTTPRequest]>([])

  func append(_ request: HTTPRequest) { received.withLock { $0.append(request) } }

  var requests: [HTTPRequest] { received.withLock { $0 } }
}
