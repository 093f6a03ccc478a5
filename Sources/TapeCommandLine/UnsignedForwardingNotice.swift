import Foundation
import HTTPTransportCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// What `tape proxy` says when it has no key pair to re-sign AK/SK requests with: a client's
/// signature covers the host it signed for (the proxy's), so the upstream refuses the
/// request as it is forwarded. Said once at start-up, and again beside each such refusal.
enum UnsignedForwardingNotice {
  /// The start-up note.
  static let startUp =
    "note: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set, so a request signed with "
    + "AK/SK is forwarded with the client's signature, which covers the proxy's host: the "
    + "upstream will refuse it (401, APIG.0301). Set them to the client's key pair and the "
    + "proxy signs each such request again for the upstream. Token requests are forwarded "
    + "as they are.\n"

  /// Whether a request is signed with AK/SK.
  static func isSigned(_ request: URLRequest) -> Bool {
    request.value(forHTTPHeaderField: "Authorization")?.hasPrefix("SDK-HMAC-SHA256") == true
  }

  /// The line beside a 401 to a request forwarded with the client's own signature.
  static func refusal(_ request: URLRequest) -> String {
    "tape proxy: \(request.httpMethod ?? "GET") \(request.url?.path ?? "/") was refused (401): "
      + "it was forwarded with the client's AK/SK signature, made for the proxy's host; set "
      + "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK so that the proxy signs it again\n"
  }

  /// A transport that says ``refusal(_:)`` for each 401 answering a signed request.
  struct Transport: HTTPTransport {
    let upstream: any HTTPTransport
    let print: @Sendable (String) -> Void

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
      let (body, response) = try await upstream.send(request)
      if response.statusCode == 401, UnsignedForwardingNotice.isSigned(request) {
        print(UnsignedForwardingNotice.refusal(request))
      }
      return (body, response)
    }
  }
}
