import JSONTree

/// The values of a document as the mutator sees them: each with its parent and its token,
/// so that listing a document costs one entry per value. A pointer is built only for the
/// site chosen (building one per value made a 513-deep document cost 263,000 tokens).
struct MutationSites {
  struct Site {
    var parent: Int
    var token: String
    var value: JSONValue
    var depth: Int
  }

  private(set) var sites: [Site] = []

  /// Lists up to `limit` values of `document`, parents before children.
  init(_ document: JSONValue, limit: Int = 512) {
    var pending: [(parent: Int, token: String, value: JSONValue, depth: Int)] = [
      (-1, "", document, 0)
    ]
    sites.reserveCapacity(min(limit, 64))
    while let (parent, token, value, depth) = pending.popLast(), sites.count < limit {
      let index = sites.count
      sites.append(Site(parent: parent, token: token, value: value, depth: depth))
      switch value {
      case .object(let members):
        for member in members.reversed() {
          pending.append((index, member.key, member.value, depth + 1))
        }
      case .array(let elements):
        for offset in elements.indices.reversed() {
          pending.append((index, String(offset), elements[offset], depth + 1))
        }
      default:
        break
      }
    }
  }

  /// The pointer of the site at `index`.
  func pointer(_ index: Int) -> JSONPointer {
    var tokens: [String] = []
    tokens.reserveCapacity(sites[index].depth)
    var current = index
    while current > 0 {
      tokens.append(sites[current].token)
      current = sites[current].parent
    }
    return JSONPointer(tokens: tokens.reversed())
  }

  /// The pointer of the site at `index` when it is at most `depth` levels deep.
  func shallowPointer(_ index: Int, maximumDepth depth: Int) -> JSONPointer? {
    sites[index].depth <= depth ? pointer(index) : nil
  }
}
