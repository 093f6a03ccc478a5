/// One change of a document's bytes: the bytes of `range` replaced (an empty range inserts).
///
/// A case's splices all apply to its unmutated bytes, so two of them must not touch the
/// same bytes: see ``conflicts(with:)``.
struct Splice: Sendable {
  /// The bytes replaced; empty to insert at its start.
  var range: Range<Int>
  /// What is written instead.
  var replacement: [UInt8]
  /// The container whose members or elements the splice adds, removes or punctuates, if
  /// any: at most one such splice per container, so that a removal and an insertion never
  /// leave a stray comma.
  var container: Int?
  /// Whether the result is still valid JSON when the document was.
  var keepsJSONValid: Bool

  /// Whether the two splices cannot both apply: they replace overlapping bytes, one inserts
  /// strictly inside bytes the other replaces, or both change the same container's members.
  func conflicts(with other: Splice) -> Bool {
    if let container, container == other.container { return true }
    switch (range.isEmpty, other.range.isEmpty) {
    case (false, false): return range.overlaps(other.range)
    case (true, false):
      return other.range.lowerBound < range.lowerBound && range.lowerBound < other.range.upperBound
    case (false, true):
      return range.lowerBound < other.range.lowerBound && other.range.lowerBound < range.upperBound
    case (true, true): return false
    }
  }

  /// Whether this splice is written before `other` when both apply: by position, and at one
  /// position insertions before a replacement; otherwise the order they were made in.
  func precedes(_ other: Splice) -> Bool {
    if range.lowerBound != other.range.lowerBound {
      return range.lowerBound < other.range.lowerBound
    }
    return range.isEmpty && !other.range.isEmpty
  }

  /// Adds `new` to `splices`, keeping them in the order ``apply(_:to:)`` writes them.
  static func insert(_ new: Splice, into splices: inout [Splice]) {
    splices.insert(new, at: splices.firstIndex { new.precedes($0) } ?? splices.endIndex)
  }

  /// `bytes` with `splices` applied; `splices` are in the order ``insert(_:into:)`` keeps.
  static func apply(_ splices: [Splice], to bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(
      splices.reduce(bytes.count) { $0 + $1.replacement.count - $1.range.count })
    var cursor = 0
    for splice in splices {
      if splice.range.lowerBound > cursor { output += bytes[cursor..<splice.range.lowerBound] }
      output += splice.replacement
      cursor = max(cursor, splice.range.upperBound)
    }
    if cursor < bytes.count { output += bytes[cursor...] }
    return output
  }
}
