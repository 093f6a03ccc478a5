import Foundation

/// Where a URL's requests go, as a browser compares them (RFC 6454): scheme, host and port.
///
/// Two URLs share an origin when all three are equal. Scheme and host compare without case,
/// and a missing port is the scheme's default (80 for http, 443 for https), so
/// `https://Example.com` and `https://example.com:443/a` share one.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
  /// The scheme, lower-cased.
  public let scheme: String
  /// The host, lower-cased (an IPv6 address without its brackets).
  public let host: String
  /// The port: the URL's, or its scheme's default; nil for a scheme without one.
  public let port: Int?

  /// The origin of `url`; nil when it has no scheme or host (a relative URL resolves against
  /// its base first).
  public init?(_ url: URL) {
    guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
      let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased(),
      !host.isEmpty
    else { return nil }
    self.scheme = scheme
    // Foundations differ: some keep an IPv6 address's brackets in `host`, some do not.
    self.host =
      host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    self.port = components.port ?? Self.defaultPorts[scheme]
  }

  /// `https://host`, with `:port` when it is not the scheme's default.
  public var description: String {
    let name = host.contains(":") ? "[\(host)]" : host
    guard let port, port != Self.defaultPorts[scheme] else { return "\(scheme)://\(name)" }
    return "\(scheme)://\(name):\(port)"
  }

  private static let defaultPorts = ["http": 80, "https": 443]
}
