import Foundation
import Synchronization

/// A regular expression compiled once per pattern for the whole process: redaction and
/// scanning run a handful of patterns over every string of every exchange.
struct CompiledPattern: @unchecked Sendable {
  // @unchecked: NSRegularExpression is immutable once made and documented thread-safe.
  let expression: NSRegularExpression?
  /// Text every match starts with (the pattern's leading literal characters), checked before
  /// the expression runs: most strings hold none of it. Empty when the pattern has none.
  let literalPrefix: String

  private static let cache = Mutex<[String: CompiledPattern]>([:])

  /// The compiled form of `pattern`; nil inside when the pattern does not compile.
  static func named(_ pattern: String) -> CompiledPattern {
    if let cached = cache.withLock({ $0[pattern] }) { return cached }
    let compiled = CompiledPattern(
      expression: try? NSRegularExpression(pattern: pattern),
      literalPrefix: literalPrefix(of: pattern))
    cache.withLock { $0[pattern] = compiled }
    return compiled
  }

  /// Whether the pattern matches anywhere in `text`.
  func matches(_ text: String) -> Bool {
    guard let expression, mayMatch(text) else { return false }
    return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// `text` with every match replaced by `template`.
  func replacingMatches(in text: String, with template: String) -> String {
    guard let expression, mayMatch(text) else { return text }
    return expression.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
  }

  private func mayMatch(_ text: String) -> Bool {
    text.containsBytes(of: literalPrefix)
  }

  /// The characters every match of `pattern` starts with: its leading characters up to the
  /// first one with a meaning in a regular expression, less the last when a quantifier
  /// makes it optional; empty when the pattern holds an alternation anywhere.
  static func literalPrefix(of pattern: String) -> String {
    guard !pattern.contains("|") else { return "" }
    let special = Set(#"\^$.|?*+()[]{}"#)
    var prefix = ""
    for character in pattern {
      guard special.contains(character) else {
        prefix.append(character)
        continue
      }
      if "?*{".contains(character), !prefix.isEmpty { prefix.removeLast() }
      break
    }
    return prefix
  }
}
