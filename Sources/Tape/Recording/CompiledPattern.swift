import Foundation
import Synchronization

/// A regular expression compiled once per pattern for the whole process: redaction and
/// scanning run a handful of patterns over every string of every exchange.
struct CompiledPattern: @unchecked Sendable {
  // @unchecked: NSRegularExpression is immutable once made and documented thread-safe.
  let expression: NSRegularExpression?

  private static let cache = Mutex<[String: CompiledPattern]>([:])

  /// The compiled form of `pattern`; nil inside when the pattern does not compile.
  static func named(_ pattern: String) -> CompiledPattern {
    if let cached = cache.withLock({ $0[pattern] }) { return cached }
    let compiled = CompiledPattern(expression: try? NSRegularExpression(pattern: pattern))
    cache.withLock { $0[pattern] = compiled }
    return compiled
  }

  /// Whether the pattern matches anywhere in `text`.
  func matches(_ text: String) -> Bool {
    guard let expression else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
