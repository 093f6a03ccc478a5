/// The tokens of a JSON pointer as a chain from the last to the first: what a secret scan
/// keeps of where each value it walks is. Going one level down adds one link, where a
/// ``JSONTree/JSONPointer`` copied every token above (a tenth of the scan of a journal line);
/// the pointer itself is made only when it is needed.
final class ScanPath: Sendable {
  /// The path above; nil for a member or element of the document's root.
  let parent: ScanPath?
  /// The last token.
  let token: String
  /// How many tokens the path has.
  let depth: Int

  init(parent: ScanPath?, token: String) {
    self.parent = parent
    self.token = token
    depth = (parent?.depth ?? 0) + 1
  }

  /// The tokens, first to last.
  var tokens: [String] {
    var tokens = [String](repeating: "", count: depth)
    var link: ScanPath? = self
    while let current = link {
      tokens[current.depth - 1] = current.token
      link = current.parent
    }
    return tokens
  }
}
