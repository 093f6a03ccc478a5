import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A request reduced to what matching looks at: method, scheme, host, port, decoded path
/// and query, headers and body bytes. Built from a live `URLRequest` or a recorded one.
public struct RequestSnapshot: Hashable, Sendable {
  /// One query item, percent-decoded.
  public struct QueryItem: Hashable, Sendable, Comparable {
    /// The name.
    public var name: String
    /// The value; empty when the item has no `=`.
    public var value: String

    /// Orders by name, then value.
    public static func < (left: QueryItem, right: QueryItem) -> Bool {
      (left.name, left.value) < (right.name, right.value)
    }
  }

  /// The method, as sent: methods are case-sensitive (RFC 9110), so `get` is not `GET`.
  public var method: String
  /// The scheme, lower case.
  public var scheme: String
  /// The host, lower case.
  public var host: String
  /// The port, nil when it is the scheme's default.
  public var port: Int?
  /// The path, percent-decoded.
  public var path: String
  /// The query items in order, percent-decoded.
  public var query: [QueryItem]
  /// The header fields.
  public var headers: HeaderFields
  /// The body bytes (empty when none).
  public var body: Data

  /// Reads a live request, its body from `httpBody` or `httpBodyStream`.
  public init(_ request: URLRequest) {
    // Unsorted: matching does not need the canonical order, and reports sort for display.
    let fields = (request.allHTTPHeaderFields ?? [:]).map { HeaderFields.Field($0.key, $0.value) }
    self.init(
      method: request.httpMethod ?? "GET", url: request.url,
      headers: HeaderFields(fields),
      body: Self.body(of: request))
  }

  /// A live request's body, from `httpBody` or `httpBodyStream` (empty when none).
  static func body(of request: URLRequest) -> Data {
    request.httpBody ?? request.httpBodyStream.map(readAll) ?? Data()
  }

  /// Reads a recorded request.
  public init(_ recorded: RecordedRequest) {
    self.init(
      method: recorded.method, url: URL(string: recorded.url), headers: recorded.headers,
      body: recorded.body?.data ?? Data())
  }

  private init(method: String, url: URL?, headers: HeaderFields, body: Data) {
    let components = url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: true) }
    self.method = method
    self.scheme = components?.scheme?.lowercased() ?? ""
    self.host = components?.host?.lowercased() ?? ""
    let defaultPort = ["http": 80, "https": 443][scheme]
    self.port = components?.port.flatMap { $0 == defaultPort ? nil : $0 }
    self.path = components?.path ?? ""
    self.query = (components?.queryItems ?? []).map {
      QueryItem(name: $0.name, value: $0.value ?? "")
    }
    self.headers = headers
    self.body = body
  }

  /// `https://host[:port]`.
  public var origin: String {
    "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
  }

  /// The URL, its path and query percent-encoded again.
  public var url: String {
    var components = URLComponents()
    components.scheme = scheme
    components.host = host
    components.port = port
    components.path = path
    if !query.isEmpty {
      components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) }
    }
    return components.string ?? origin + pathAndQuery
  }

  /// The path with the query, for messages.
  public var pathAndQuery: String {
    guard !query.isEmpty else { return path }
    return path + "?"
      + query.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }
      .joined(separator: "&")
  }

  private static func readAll(_ stream: InputStream) -> Data {
    var data = Data()
    stream.open()
    defer { stream.close() }
    var buffer = [UInt8](repeating: 0, count: 16_384)
    while true {
      let count = stream.read(&buffer, maxLength: buffer.count)
      guard count > 0 else { break }
      data.append(buffer, count: count)
    }
    return data
  }
}
