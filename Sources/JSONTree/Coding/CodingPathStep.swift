/// One step of a coding path: a member's key, or an element's index (made a key only when
/// the path is read).
enum CodingPathStep {
  case root
  case key(any CodingKey)
  case index(Int)

  /// The path of the value at `step` in the value `parent` decodes.
  static func path(to step: CodingPathStep, in parent: ValueDecoder?) -> [any CodingKey] {
    var keys: [any CodingKey] = []
    var step = step
    var parent = parent
    while true {
      switch step {
      case .root: break
      case .key(let key): keys.append(key)
      case .index(let index): keys.append(IndexCodingKey(index))
      }
      guard let next = parent else { break }
      step = next.step
      parent = next.parent
    }
    return keys.reversed()
  }
}
