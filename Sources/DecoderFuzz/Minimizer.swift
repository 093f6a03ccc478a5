import JSONTree

/// JSON-aware shrinking of a finding: drops members and elements, shortens strings, shrinks
/// numbers toward the boundary that still reproduces (a binary search on integers), and
/// falls back to removing byte ranges when the input is not JSON. Every step keeps the
/// finding reproducing; the number of executions is bounded.
public struct Minimizer: Sendable {
  /// The most candidate executions one minimization may spend.
  public var maximumExecutions: Int

  /// Creates a minimizer.
  public init(maximumExecutions: Int = 400) {
    self.maximumExecutions = maximumExecutions
  }

  /// The smallest input found that still `reproduces` (which `input` must).
  public func minimize(_ input: [UInt8], reproduces: ([UInt8]) -> Bool) -> [UInt8] {
    var budget = maximumExecutions
    func attempt(_ candidate: [UInt8]) -> Bool {
      guard budget > 0 else { return false }
      budget -= 1
      return reproduces(candidate)
    }
    if let tree = try? JSONParser().parse(input) {
      let compact = InvalidJSONEmitter.bytes(of: tree)
      if compact == input || attempt(compact) {
        return shrinkTree(tree, attempt: attempt)
      }
    }
    return shrinkBytes(input, attempt: attempt)
  }

  private func shrinkTree(_ start: JSONValue, attempt: ([UInt8]) -> Bool) -> [UInt8] {
    var best = start
    var bestBytes = InvalidJSONEmitter.bytes(of: best)
    var improved = true
    while improved {
      improved = false
      for candidate in Self.candidates(best) {
        let bytes = InvalidJSONEmitter.bytes(of: candidate)
        guard bytes.count < bestBytes.count else { continue }
        if attempt(bytes) {
          best = candidate
          bestBytes = bytes
          improved = true
          break
        }
      }
    }
    for (pointer, value) in best.pointers() {
      guard let lexeme = value.numberLexeme, let number = Int64(lexeme), number.magnitude > 1
      else { continue }
      var passing: UInt64 = 0
      var failing = number.magnitude
      let sign = number < 0 ? "-" : ""
      while failing - passing > 1 {
        let middle = passing + (failing - passing) / 2
        var candidate = best
        candidate.update(at: pointer) { $0 = .number(sign + String(middle)) }
        if attempt(InvalidJSONEmitter.bytes(of: candidate)) {
          failing = middle
        } else {
          passing = middle
        }
      }
      best.update(at: pointer) { $0 = .number(sign + String(failing)) }
    }
    return InvalidJSONEmitter.bytes(of: best)
  }

  /// Smaller variants of `document`, one change each.
  static func candidates(_ document: JSONValue) -> [JSONValue] {
    var result: [JSONValue] = []
    for (pointer, value) in document.pointers() {
      func variant(_ replacement: JSONValue) {
        var candidate = document
        candidate.update(at: pointer) { $0 = replacement }
        result.append(candidate)
      }
      switch value {
      case .object(let members):
        for index in members.indices {
          var remaining = members
          remaining.remove(at: index)
          variant(.object(remaining))
        }
      case .array(let elements):
        if elements.count > 2 { variant(.array(Array(elements.prefix(elements.count / 2)))) }
        for index in elements.indices {
          var remaining = elements
          remaining.remove(at: index)
          variant(.array(remaining))
        }
      case .string(let text) where !text.isEmpty:
        variant(.string(""))
        if text.count > 1 {
          variant(.string(String(text.prefix(text.count / 2))))
          variant(.string(String(text.dropLast())))
          variant(.string(String(text.dropFirst())))
        }
      case .number(let lexeme):
        if lexeme != "0" { variant(.number("0")) }
        let integerPart = lexeme.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        if integerPart.count < lexeme.count, !integerPart.isEmpty, integerPart != "-" {
          variant(.number(String(integerPart)))
        }
        if integerPart.count == lexeme.count, lexeme.count > 2 {
          variant(.number(String(lexeme.dropLast())))
        }
      default:
        break
      }
    }
    return result
  }

  private func shrinkBytes(_ input: [UInt8], attempt: ([UInt8]) -> Bool) -> [UInt8] {
    var best = input
    var chunk = max(1, best.count / 2)
    while true {
      var start = 0
      while start < best.count {
        var candidate = best
        candidate.removeSubrange(start..<min(best.count, start + chunk))
        if !candidate.isEmpty, attempt(candidate) {
          best = candidate
        } else {
          start += chunk
        }
      }
      if chunk == 1 { break }
      chunk /= 2
    }
    return best
  }
}
