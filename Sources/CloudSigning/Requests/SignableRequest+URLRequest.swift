import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension SignableRequest {
  /// The request as `request` will travel: method (`GET` when unset), percent-encoded path
  /// and query of the URL, header fields, body, and a `Host` header from the URL (with its
  /// port when it is not the scheme's default) unless the request sets one.
  ///
  /// Throws when the request has no URL or its body is a stream.
  public init(_ request: URLRequest) throws(SDKSigningError) {
    guard let url = request.url else { throw .missingURL }
    guard request.httpBodyStream == nil else { throw .bodyStreamNotSupported }
    var headers = (request.allHTTPHeaderFields ?? [:]).map { (name: $0.key, value: $0.value) }
    let hostName = HeaderName.lowercased(SDKSigningAlgorithm.hostHeaderName)
    if !headers.contains(where: { HeaderName.lowercased($0.name) == hostName }),
      let host = Self.hostHeaderValue(of: url)
    {
      headers.append((name: SDKSigningAlgorithm.hostHeaderName, value: host))
    }
    let path = url.path(percentEncoded: true)
    self.init(
      method: request.httpMethod ?? "GET", path: path.isEmpty ? "/" : path,
      query: url.query(percentEncoded: true) ?? "", headers: headers,
      body: request.httpBody ?? Data())
  }

  /// The `Host` header a client sends for `url`: the host, bracketed when it is an IPv6
  /// address, then `:port` unless the port is the default one of the scheme.
  static func hostHeaderValue(of url: URL) -> String? {
    guard var host = url.host(percentEncoded: true), !host.isEmpty else { return nil }
    if host.contains(":"), !host.hasPrefix("[") {
      host = "[" + host + "]"
    }
    guard let port = url.port else { return host }
    let defaultPort: Int? =
      switch url.scheme?.lowercased() {
      case "http": 80
      case "https": 443
      default: nil
      }
    return port == defaultPort ? host : host + ":" + String(port)
  }
}
