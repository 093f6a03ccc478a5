import Foundation

/// Everything needed to call one of the five operations: service, method, path, query,
/// headers and host. The client, the simulator and the fuzzer share these definitions.
public struct OperationDescriptor: Hashable, Sendable {
  /// A query parameter the operation accepts.
  public struct QueryParameter: Hashable, Sendable {
    /// The parameter name.
    public var name: String
    /// Whether its value is an integer (otherwise a string).
    public var isInteger: Bool
    /// Whether it must be sent.
    public var isRequired: Bool
  }

  /// A request header the operation needs (authentication headers aside).
  public struct Header: Hashable, Sendable {
    /// The header name, spelled as documented (`workspace` is lower case).
    public var name: String
    /// Whether it must be sent.
    public var isRequired: Bool
    /// The value to send when the caller gives none.
    public var defaultValue: String?
  }

  /// The service, as Huawei Cloud names it, for example `Data Replication Service (DRS)`.
  public var serviceName: String
  /// The operation's title in the API reference.
  public var title: String
  /// The operation's name in the official Go SDK, when it has one.
  public var sdkOperationName: String?
  /// The HTTP method.
  public var method: String
  /// The path, with placeholders.
  public var path: PathTemplate
  /// The query parameters.
  public var queryParameters: [QueryParameter]
  /// The headers beyond authentication.
  public var headers: [Header]
  /// The host, with a `{region}` placeholder: `drs.{region}.myhuaweicloud.com`.
  public var hostPattern: String

  /// The host in a region; EU regions (`eu-…`) use `myhuaweicloud.eu`.
  public func host(region: String) -> String {
    let host = hostPattern.replacingOccurrences(of: "{region}", with: region)
    guard region.hasPrefix("eu-") else { return host }
    return host.replacingOccurrences(of: ".myhuaweicloud.com", with: ".myhuaweicloud.eu")
  }

  /// The HTTPS base URL of the service in a region.
  public func baseURL(region: String) -> URL? {
    URL(string: "https://\(host(region: region))")
  }

  /// The request URL on `baseURL` (a region's host, a gateway, a local simulator).
  ///
  /// Query items are percent-encoded and keep the order given.
  public func url(
    baseURL: URL, pathParameters: [String: String], query: [(name: String, value: String)] = []
  ) throws(PathTemplateError) -> URL {
    let expanded = try path.expand(pathParameters)
    var text = baseURL.absoluteString
    while text.hasSuffix("/") { text.removeLast() }
    text += expanded
    if !query.isEmpty {
      text +=
        "?"
        + query.map {
          PercentEncoding.encodeSegment($0.name) + "=" + PercentEncoding.encodeSegment($0.value)
        }.joined(separator: "&")
    }
    guard let url = URL(string: text) else {
      preconditionFailure("percent-encoded parts always form a URL: \(text)")
    }
    return url
  }
}
