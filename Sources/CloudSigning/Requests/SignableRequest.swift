import Foundation

/// An HTTP request as the signing algorithm sees it, neutral between a client and a server.
///
/// A client builds one from a `URLRequest` (see ``init(_:)``); a server builds one from its
/// own request type. The path and the query are kept as they travel on the wire: they may be
/// percent-encoded, and canonicalization decodes them before encoding them its own way.
public struct SignableRequest: Sendable {
  /// The HTTP method, such as `GET`, exactly as sent.
  public var method: String
  /// The path as on the wire, possibly percent-encoded, such as `/v1/abc/my%20file`.
  public var path: String
  /// The raw query string, without the `?`; empty when the request has no query.
  public var query: String
  /// The header fields in order; names compare case-insensitively.
  public var headers: [(name: String, value: String)]
  /// The body bytes; empty for a request without a body.
  public var body: Data

  /// Creates a request from its parts.
  public init(
    method: String, path: String, query: String = "",
    headers: [(name: String, value: String)] = [], body: Data = Data()
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// Creates a request from an HTTP request target such as `/v1/jobs?limit=2`, as a server
  /// reads it from the request line.
  public init(
    method: String, target: String, headers: [(name: String, value: String)] = [],
    body: Data = Data()
  ) {
    let path: Substring
    let query: Substring
    if let questionMark = target.firstIndex(of: "?") {
      path = target[..<questionMark]
      query = target[target.index(after: questionMark)...]
    } else {
      path = target[...]
      query = ""
    }
    self.init(
      method: method, path: String(path), query: String(query), headers: headers, body: body)
  }

  /// The value of the header `name` (any case): each field's value trimmed of surrounding
  /// whitespace and, when the header appears more than once, joined by `,` in order.
  /// Nil when the request has no such header.
  public func value(forHeader name: String) -> String? {
    let wanted = HeaderName.lowercased(name)
    var values: [String] = []
    for header in headers where HeaderName.lowercased(header.name) == wanted {
      values.append(HeaderName.trimmed(header.value))
    }
    return values.isEmpty ? nil : values.joined(separator: ",")
  }

  /// Removes every field of the header `name` (any case).
  public mutating func removeHeader(named name: String) {
    let unwanted = HeaderName.lowercased(name)
    headers.removeAll { HeaderName.lowercased($0.name) == unwanted }
  }

  /// Replaces every field of the header `name` (any case) with one field holding `value`.
  public mutating func setHeader(_ name: String, to value: String) {
    removeHeader(named: name)
    headers.append((name: name, value: value))
  }
}
