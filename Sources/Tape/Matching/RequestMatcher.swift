import Foundation
import JSONTree

/// One rule for deciding whether a live request is a recorded one. Matchers compose: a
/// request matches an interaction when every matcher of the configuration agrees.
///
/// Most matchers reduce a request to a key, so that lookup is one hash, whatever the size of
/// the cassette; ``custom(_:_:)`` matchers compare pairs and only narrow the requests that
/// share the other matchers' key. Headers are not matched unless named with
/// ``headers(_:)``, so volatile ones (`X-Sdk-Date`, `Authorization`, `X-Request-Id`,
/// `User-Agent`, and what URLSession adds on Linux) never get in the way.
public struct RequestMatcher: Sendable, CustomStringConvertible {
  enum Rule: Sendable {
    case key(@Sendable (RequestSnapshot) -> String)
    case predicate(@Sendable (_ live: RequestSnapshot, _ recorded: RequestSnapshot) -> Bool)
  }

  /// The matcher's name, shown in mismatch reports.
  public let name: String
  let rule: Rule

  /// The matchers used when none are given: method, host, path, query and body.
  public static let defaults: [RequestMatcher] = [.method, .host, .path, .query, .body]

  /// The HTTP method.
  public static let method = RequestMatcher(name: "method", rule: .key { $0.method })

  /// Scheme, host and port.
  public static let host = RequestMatcher(name: "host", rule: .key { $0.origin })

  /// The path, percent-decoded.
  public static let path = RequestMatcher(name: "path", rule: .key { $0.path })

  /// The query items, in any order.
  public static let query = RequestMatcher(
    name: "query",
    rule: .key { $0.query.sorted().map { "\($0.name)=\($0.value)" }.joined(separator: "&") })

  /// The body: JSON compared by meaning (key order and whitespace ignored), anything else
  /// byte for byte.
  public static let body = RequestMatcher(name: "body", rule: .key(bodyKey))

  /// The values of the named headers (names case-insensitive).
  public static func headers(_ names: [String]) -> RequestMatcher {
    let lowered = names.map { $0.lowercased() }.sorted()
    return RequestMatcher(
      name: "headers(\(names.joined(separator: ", ")))",
      rule: .key { request in
        lowered.map { "\($0): \(request.headers.values(for: $0).joined(separator: ", "))" }
          .joined(separator: "\n")
      })
  }

  /// A rule of your own over the live and the recorded request.
  public static func custom(
    _ name: String,
    _ matches: @escaping @Sendable (_ live: RequestSnapshot, _ recorded: RequestSnapshot) -> Bool
  ) -> RequestMatcher {
    RequestMatcher(name: name, rule: .predicate(matches))
  }

  /// The name.
  public var description: String { name }

  /// Whether the two requests agree under this matcher.
  func agrees(_ live: RequestSnapshot, _ recorded: RequestSnapshot) -> Bool {
    switch rule {
    case .key(let key): key(live) == key(recorded)
    case .predicate(let matches): matches(live, recorded)
    }
  }

  /// The body key: `json:` and the canonical compact form, or `bytes:` and base64.
  static func bodyKey(_ request: RequestSnapshot) -> String {
    guard !request.body.isEmpty else { return "" }
    if let tree = try? JSONParser().parse(request.body) {
      return "json:" + tree.sortingKeys().serialized()
    }
    return "bytes:" + request.body.base64EncodedString()
  }
}

extension JSONValue {
  /// The same value with every object's members sorted by key (stable for duplicates).
  func sortingKeys() -> JSONValue {
    switch self {
    case .array(let elements): .array(elements.map { $0.sortingKeys() })
    case .object(let members):
      .object(
        members.enumerated().sorted {
          $0.element.key == $1.element.key
            ? $0.offset < $1.offset
            : $0.element.key.utf8.lexicographicallyPrecedes($1.element.key.utf8)
        }.map { JSONMember($0.element.key, $0.element.value.sortingKeys()) })
    default: self
    }
  }
}
