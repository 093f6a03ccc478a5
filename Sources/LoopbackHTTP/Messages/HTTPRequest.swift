import Foundation

/// One request as the server received it.
public struct HTTPRequest: Sendable {
  /// The method, case preserved (`GET`, `POST`, ...).
  public var method: String
  /// The request target exactly as sent in the request line (`/v1/x?limit=10`).
  public var target: String
  /// The path part of the target, still percent-encoded (`/v1/x`); `*` for `OPTIONS *`, and
  /// the path of an absolute-form target (`http://host/p` gives `/p`).
  public var path: String
  /// The raw query after `?`, nil when the target has no `?`.
  public var query: String?
  /// The protocol version of the request line.
  public var version: HTTPVersion
  /// The header fields, in order.
  public var headers: HTTPHeaders
  /// The body, de-chunked when it was sent with `Transfer-Encoding: chunked`.
  public var body: Data
  /// The address of the client.
  public var remoteAddress: SocketAddress

  /// Creates a request; `path` and `query` are split from `target`.
  public init(
    method: String, target: String, version: HTTPVersion = .http11,
    headers: HTTPHeaders = [:], body: Data = Data(),
    remoteAddress: SocketAddress = SocketAddress(host: "127.0.0.1", port: 0)
  ) {
    self.method = method
    self.target = target
    (self.path, self.query) = Self.split(target: target)
    self.version = version
    self.headers = headers
    self.body = body
    self.remoteAddress = remoteAddress
  }

  /// The query items, percent-decoded, in order (empty without a query).
  public var queryItems: [HTTPQueryItem] {
    query.map(HTTPQueryItem.parse(query:)) ?? []
  }

  /// The decoded value of the first query item named `name`.
  public func queryValue(named name: String) -> String? {
    queryItems.first { $0.name == name }?.value
  }

  /// The body as bytes.
  public var bodyBytes: [UInt8] { [UInt8](body) }

  /// The body as UTF-8 text; nil when it is not valid UTF-8.
  public var bodyText: String? { String(validating: body, as: UTF8.self) }

  /// Splits an origin-form, absolute-form or asterisk-form target into path and query.
  static func split(target: String) -> (path: String, query: String?) {
    // The usual target, an ASCII path (as the server reads every target): split at the first
    // `?` byte, where a character walk would split it too.
    let bytes = target.utf8
    if bytes.first == UInt8(ascii: "/"), bytes.allSatisfy({ $0 < 0x80 }) {
      guard let questionMark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return (target, nil) }
      return (
        String(target[..<questionMark]), String(target[bytes.index(after: questionMark)...])
      )
    }
    var rest = Substring(target)
    if let scheme = ["http://", "https://"].first(where: {
      rest.utf8.count >= $0.utf8.count && rest.prefix($0.count).lowercased() == $0
    }) {
      rest = rest.dropFirst(scheme.count)
      let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
      rest = rest[authorityEnd...]
    }
    guard let questionMark = rest.firstIndex(of: "?") else {
      return (rest.isEmpty ? "/" : String(rest), nil)
    }
    let path = rest[..<questionMark]
    return (path.isEmpty ? "/" : String(path), String(rest[rest.index(after: questionMark)...]))
  }
}
