import JSONTree

/// The differences between two JSON documents, by pointer, object key order ignored:
/// `/progress/ratio: recorded "50%", got "60%"`.
enum JSONDifference {
  /// Up to `limit` lines describing how `live` differs from `recorded`.
  static func lines(recorded: JSONValue, live: JSONValue, limit: Int = 12) -> [String] {
    var lines: [String] = []
    collect(recorded.sortingKeys(), live.sortingKeys(), at: .root, into: &lines, limit: limit + 1)
    if lines.count > limit {
      lines = Array(lines.prefix(limit)) + ["… more differences"]
    }
    return lines
  }

  private static func collect(
    _ recorded: JSONValue, _ live: JSONValue, at pointer: JSONPointer, into lines: inout [String],
    limit: Int
  ) {
    guard lines.count < limit, recorded != live else { return }
    switch (recorded, live) {
    case (.object(let left), .object(let right)):
      let leftKeys = Dictionary(left.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
      let rightKeys = Dictionary(right.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
      for key in Set(leftKeys.keys).union(rightKeys.keys).sorted() {
        let place = pointer.appending(key)
        switch (leftKeys[key], rightKeys[key]) {
        case (let old?, let new?): collect(old, new, at: place, into: &lines, limit: limit)
        case (let old?, nil): lines.append("\(place.displayText): missing (recorded \(old.short))")
        case (nil, let new?): lines.append("\(place.displayText): unexpected (got \(new.short))")
        case (nil, nil): break
        }
      }
    case (.array(let left), .array(let right)) where left.count == right.count:
      for (index, pair) in zip(left, right).enumerated() {
        collect(pair.0, pair.1, at: pointer.appending(index), into: &lines, limit: limit)
      }
    default:
      lines.append("\(pointer.displayText): recorded \(recorded.short), got \(live.short)")
    }
  }
}

extension JSONValue {
  /// A one-line rendering, cut at 60 characters.
  fileprivate var short: String {
    let text = serialized()
    return text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}
