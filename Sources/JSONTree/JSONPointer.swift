/// An RFC 6901 JSON Pointer such as `/json/details/0/status`: where a value sits in a
/// document. Used in every parse and decode message, and by the fuzzer to name the place a
/// mutation applies.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
  /// The reference tokens, unescaped: `["json", "details", "0", "status"]`.
  public var tokens: [String]

  /// The pointer to the whole document.
  public static let root = JSONPointer(tokens: [])

  /// Creates a pointer from unescaped reference tokens.
  public init(tokens: [String]) {
    self.tokens = tokens
  }

  /// Parses the RFC 6901 text form (`""` is the root, `"/a~1b/0"` is `["a/b", "0"]`);
  /// nil when `text` is neither empty nor starts with `/`.
  public init?(_ text: String) {
    if text.isEmpty {
      self.tokens = []
      return
    }
    guard text.hasPrefix("/") else { return nil }
    self.tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      String($0).replacing("~1", with: "/").replacing("~0", with: "~")
    }
  }

  /// The pointer one level down.
  public func appending(_ token: String) -> JSONPointer {
    // One allocation, of the final size (`tokens + [token]` made two).
    var longer: [String] = []
    longer.reserveCapacity(tokens.count + 1)
    longer.append(contentsOf: tokens)
    longer.append(token)
    return JSONPointer(tokens: longer)
  }

  /// The pointer one level down into an array.
  public func appending(_ index: Int) -> JSONPointer {
    appending(String(index))
  }

  /// The RFC 6901 text form; the root is the empty string.
  public var description: String {
    tokens.map {
      "/" + Self.escaped($0)
    }.joined()
  }

  /// The text form for messages: the root reads `(root)` rather than an empty string.
  public var displayText: String {
    tokens.isEmpty ? "(root)" : description
  }
}

extension JSONPointer {
  /// The pointer of a `Codable` coding path: member names and array indices as tokens.
  public init(codingPath: [any CodingKey]) {
    self.init(tokens: codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue })
  }

  /// A token as RFC 6901 writes it: `~` as `~0`, `/` as `~1` (a fast path for the usual
  /// token that holds neither: the fuzzer describes a pointer per rejected input).
  private static func escaped(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
    else { return token }
    return token.replacing("~", with: "~0").replacing("/", with: "~1")
  }
}

extension JSONPointer {
  /// The tokens of the array indices 0 to 1023, made once: a value found (or a parse that
  /// failed) 512 levels deep writes 512 of them. Read it once into a local before a loop:
  /// the global's accessor on every token costs as much as the token.
  package static let indexTokens = (0..<1024).map { String($0) }

  /// The token of array index `offset`: from `table` (``indexTokens``) when it holds it.
  @inline(__always)
  package static func indexToken(_ offset: Int, in table: [String]) -> String {
    offset < table.count ? table[offset] : String(offset)
  }
}
