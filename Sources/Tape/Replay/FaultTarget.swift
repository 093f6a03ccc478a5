/// What a ``FaultOverlay`` hits: the requests of a method and path pattern, or one
/// interaction by its index in the cassette.
///
/// Name requests (`.request("GET", path: "/v2/tasks/*/progress")`): they still name the same
/// traffic after a re-record adds, drops or reorders interactions, where an index silently
/// moves to another one. An integer literal is the index shorthand (`[1: .status(503)]`).
/// An overlay's ``FaultOverlay/play`` counts the hits of its target: the n-th request that
/// matches the pattern, or the n-th play of the interaction, over every cycle.
public struct FaultTarget: Hashable, Sendable, Comparable, ExpressibleByIntegerLiteral,
  CustomStringConvertible
{
  enum Kind: Hashable, Sendable {
    case interaction(Int)
    case request(method: String, path: String)
  }

  let kind: Kind

  /// The requests with this method (`*` for any) and a path matching `pattern`: `/`-separated
  /// segments, each literal (compared percent-decoded) or `*` for any one segment, as in
  /// `/v2/tasks/*/progress`. The query is not looked at.
  public static func request(_ method: String, path pattern: String) -> FaultTarget {
    FaultTarget(kind: .request(method: method.uppercased(), path: pattern))
  }

  /// The interaction at `index` in the cassette.
  public static func interaction(_ index: Int) -> FaultTarget {
    FaultTarget(kind: .interaction(index))
  }

  /// The interaction at `index` in the cassette: `[1: .status(503)]`.
  public init(integerLiteral index: Int) {
    self.kind = .interaction(index)
  }

  private init(kind: Kind) {
    self.kind = kind
  }

  /// `#1`, or `GET /v2/tasks/*/progress`.
  public var description: String {
    switch kind {
    case .interaction(let index): "#\(index)"
    case .request(let method, let path): "\(method) \(path)"
    }
  }

  /// Interactions first, by index, then requests by method and path: the order in which
  /// faults are tried when several hit the same request (the first that applies wins).
  public static func < (left: FaultTarget, right: FaultTarget) -> Bool {
    switch (left.kind, right.kind) {
    case (.interaction(let a), .interaction(let b)): a < b
    case (.interaction, .request): true
    case (.request, .interaction): false
    case (.request(let m1, let p1), .request(let m2, let p2)): (p1, m1) < (p2, m2)
    }
  }

  /// Whether a recorded request is one this target names (for a request target).
  func matches(method: String, path: String) -> Bool {
    guard case .request(let wanted, let pattern) = kind else { return false }
    guard wanted == "*" || wanted == method.uppercased() else { return false }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    let patterns = pattern.split(separator: "/", omittingEmptySubsequences: false)
    guard segments.count == patterns.count else { return false }
    return zip(patterns, segments).allSatisfy { wanted, segment in
      wanted == "*" ? !segment.isEmpty : wanted.removingPercentEncoding == String(segment)
    }
  }
}
