import JSONTree

/// JSON-aware shrinking of a finding: drops members and elements, shortens strings, shrinks
/// numbers toward the boundary that still reproduces (a binary search on integers), and
/// falls back to removing byte ranges when the input is not JSON. Every step keeps the
/// finding reproducing; the number of executions is bounded.
public struct Minimizer: Sendable {
  /// The most candidate executions one minimization may spend.
  public var maximumExecutions: Int

  /// The most candidate executions the campaign spends minimizing a slow input: each
  /// candidate that is still slow costs twice the time budget.
  public static let slowInputExecutions = 40

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
      let compact = JSONWriter.bytes(of: tree)
      if compact == input || attempt(compact) {
        return shrinkTree(tree, attempt: attempt)
      }
    }
    return shrinkBytes(input, attempt: attempt)
  }

  private func shrinkTree(_ start: JSONValue, attempt: ([UInt8]) -> Bool) -> [UInt8] {
    var best = start
    var bestBytes = JSONWriter.bytes(of: best)
    var improved = true
    var attempts = 0
    while improved, attempts < maximumExecutions {
      improved = false
      for edit in Self.edits(best) {
        var candidate = best
        candidate.update(at: edit.pointer, edit.change)
        let bytes = JSONWriter.bytes(of: candidate)
        guard bytes.count < bestBytes.count else { continue }
        attempts += 1
        if attempt(bytes) {
          best = candidate
          bestBytes = bytes
          improved = true
          break
        }
        if attempts >= maximumExecutions { break }
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
        if attempt(JSONWriter.bytes(of: candidate)) {
          failing = middle
        } else {
          passing = middle
        }
      }
      best.update(at: pointer) { $0 = .number(sign + String(failing)) }
    }
    return JSONWriter.bytes(of: best)
  }

  /// One shrinking step: where, and how the value there changes.
  struct Edit {
    var pointer: JSONPointer
    var change: (inout JSONValue) -> Void
  }

  /// The shrinking steps of `document`, each a small description applied on demand, so
  /// that a large document does not produce a copy per step.
  static func edits(_ document: JSONValue) -> [Edit] {
    var result: [Edit] = []
    for (pointer, value) in document.pointers(limit: 4096) {
      switch value {
      case .object(let members):
        for index in members.indices.reversed() {
          result.append(
            Edit(pointer: pointer) { value in
              guard case .object(var members) = value, members.indices.contains(index) else {
                return
              }
              members.remove(at: index)
              value = .object(members)
            })
        }
      case .array(let elements):
        if elements.count > 2 {
          result.append(
            Edit(pointer: pointer) { value in
              guard case .array(let elements) = value else { return }
              value = .array(Array(elements.prefix(elements.count / 2)))
            })
        }
        for index in elements.indices.reversed() {
          result.append(
            Edit(pointer: pointer) { value in
              guard case .array(var elements) = value, elements.indices.contains(index) else {
                return
              }
              elements.remove(at: index)
              value = .array(elements)
            })
        }
      case .string(let text) where !text.isEmpty:
        var variants: [String] = [""]
        if text.count > 1 {
          variants += [
            String(text.prefix(text.count / 2)), String(text.suffix(text.count / 2)),
            String(text.dropLast()), String(text.dropFirst()),
          ]
        }
        for variant in variants {
          result.append(Edit(pointer: pointer) { $0 = .string(variant) })
        }
      case .number(let lexeme):
        var variants: [String] = lexeme == "0" ? [] : ["0"]
        let integerPart = lexeme.prefix { $0 != "." && $0 != "e" && $0 != "E" }
        if integerPart.count < lexeme.count, !integerPart.isEmpty, integerPart != "-" {
          variants.append(String(integerPart))
        }
        if integerPart.count == lexeme.count, lexeme.count > 2 {
          variants.append(String(lexeme.dropLast()))
        }
        for variant in variants {
          result.append(Edit(pointer: pointer) { $0 = .number(variant) })
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
