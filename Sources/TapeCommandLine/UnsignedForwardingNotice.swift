import Foundation

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

  /// What the proxy shows each forwarded request and its status (its `inspect`): says
  /// ``refusal(_:)`` through `print` for each 401 answering a signed request. Not a transport
  /// wrapping the proxy's: that would hide the plain one, whose exchanges the proxy runs on
  /// the connection's own thread (wrapped, each took two more thread hops and lost the
  /// answer's reason phrase and the order of its repeated fields to an `HTTPURLResponse`).
  static func inspector(print: @escaping @Sendable (String) -> Void)
    -> @Sendable (URLRequest, Int) -> Void
  {
    { request, status in
      if status == 401, isSigned(request) { print(refusal(request)) }
    }
  }
}
