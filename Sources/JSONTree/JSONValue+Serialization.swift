extension JSONValue {
  /// How ``serialized(_:)`` lays out a document.
  public struct Layout: Hashable, Sendable {
    /// Indent nested values two spaces per level, one member or element per line.
    public var isPretty: Bool
    /// Write object members sorted by key (byte order of UTF-8), stably, so duplicates keep
    /// their order.
    public var sortsKeys: Bool

    /// Everything on one line, members in document order.
    public static let compact = Layout(isPretty: false, sortsKeys: false)
    /// Pretty-printed with sorted keys: the canonical form, stable across runs.
    public static let canonical = Layout(isPretty: true, sortsKeys: true)
    /// Pretty-printed, members in document order.
    public static let pretty = Layout(isPretty: true, sortsKeys: false)

    /// Creates a layout.
    public init(isPretty: Bool, sortsKeys: Bool) {
      self.isPretty = isPretty
      self.sortsKeys = sortsKeys
    }
  }

  /// The document as JSON text; numbers are written with their exact lexeme.
  public func serialized(_ layout: Layout = .compact) -> String {
    var output = ""
    write(into: &output, layout: layout, depth: 0)
    return output
  }

  private func write(into output: inout String, layout: Layout, depth: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let lexeme): output += lexeme
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      writeContainer(elements, open: "[", close: "]", into: &output, layout: layout, depth: depth) {
        element, output in element.write(into: &output, layout: layout, depth: depth + 1)
      }
    case .object(let members):
      let ordered =
        layout.sortsKeys
        ? members.enumerated().sorted {
          ($0.element.key.utf8.lexicographicallyPrecedes($1.element.key.utf8))
            || ($0.element.key == $1.element.key && $0.offset < $1.offset)
        }.map(\.element) : members
      writeContainer(ordered, open: "{", close: "}", into: &output, layout: layout, depth: depth) {
        member, output in
        writeString(member.key, into: &output)
        output += layout.isPretty ? ": " : ":"
        member.value.write(into: &output, layout: layout, depth: depth + 1)
      }
    }
  }
}

private func writeContainer<Element>(
  _ items: [Element], open: String, close: String, into output: inout String,
  layout: JSONValue.Layout, depth: Int, writeItem: (Element, inout String) -> Void
) {
  output += open
  guard !items.isEmpty else {
    output += close
    return
  }
  let inner = layout.isPretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
  for (offset, item) in items.enumerated() {
    if offset > 0 { output += "," }
    output += inner
    writeItem(item, &output)
  }
  if layout.isPretty { output += "\n" + String(repeating: "  ", count: depth) }
  output += close
}

private func writeString(_ text: String, into output: inout String) {
  var bytes: [UInt8] = []
  bytes.reserveCapacity(text.utf8.count + 2)
  JSONWriter.writeString(text, to: &bytes)
  output += String(decoding: bytes, as: UTF8.self)
}
