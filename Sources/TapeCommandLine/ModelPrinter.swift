import CloudProgress

/// Renders a decoded model as indented `name: value` lines, with the hardened values shown
/// both interpreted and as they arrived: `status: succeeded (1)`. A tolerant field shows
/// under its own name; what came in its place is listed with the wire anomalies.
enum ModelPrinter {
  /// The lines for `value`, whose type name heads the output.
  static func render(_ value: Any) -> String {
    var lines = ["\(type(of: value))"]
    for child in Mirror(reflecting: value).children {
      render(child.value, label: child.label ?? "?", depth: 1, into: &lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func render(_ value: Any, label: String, depth: Int, into lines: inout [String]) {
    let indent = String(repeating: "  ", count: depth)
    if let field = value as? any TolerantField {
      let name = label.hasPrefix("_") ? String(label.dropFirst()) : label
      render(field.printedValue, label: name, depth: depth, into: &lines)
      return
    }
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
      guard let wrapped = mirror.children.first?.value else {
        lines.append("\(indent)\(label): nil")
        return
      }
      render(wrapped, label: label, depth: depth, into: &lines)
    } else if let enumeration = value as? any OpenEnumeration {
      lines.append("\(indent)\(label): \(describe(enumeration))")
    } else if let text = value as? String {
      lines.append("\(indent)\(label): \(quoted(text))")
    } else if mirror.displayStyle == .collection {
      let count = mirror.children.count
      lines.append("\(indent)\(label): \(count) element(s)")
      for (index, element) in mirror.children.prefix(shownElements).enumerated() {
        render(element.value, label: "[\(index)]", depth: depth + 1, into: &lines)
      }
      if count > shownElements {
        lines.append("\(indent)  ... \(count - shownElements) more element(s) not shown")
      }
    } else if value is any CustomStringConvertible || mirror.children.isEmpty {
      lines.append("\(indent)\(label): \(value)")
    } else {
      lines.append("\(indent)\(label):")
      for child in mirror.children {
        render(child.value, label: child.label ?? "?", depth: depth + 1, into: &lines)
      }
    }
  }

  /// The elements of a collection printed; the rest are counted.
  static let shownElements = 20
  /// The characters of a string printed; the rest are counted.
  static let shownCharacters = 200

  /// A string in quotes on one line (a newline shows as \n), cut after ``shownCharacters``
  /// Unicode scalars (counted on scalars and bytes: grapheme breaking a 100 MB string is slow).
  ///
  /// Only the first ``shownCharacters`` scalars are walked: counting every scalar of a 4 MB
  /// field took a fifth of `tape decode`'s time.
  static func quoted(_ text: String) -> String {
    let scalars = text.unicodeScalars
    let cut =
      text.utf8.count > shownCharacters
      ? scalars.index(scalars.startIndex, offsetBy: shownCharacters, limitedBy: scalars.endIndex)
      : nil
    let long = cut.map { $0 < scalars.endIndex } ?? false
    let head = long ? String(Substring(scalars[..<cut!])) : text
    let shown = head.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
    guard long else { return "\"\(shown)\"" }
    return
      "\"\(shown)\"... (\(text.utf8.count) bytes, \(text.utf8.count - head.utf8.count) not shown)"
  }

  private static func describe(_ enumeration: some OpenEnumeration) -> String {
    guard enumeration.isDocumented else { return "unknown \(enumeration.wireValue)" }
    return "\(String(describing: enumeration)) (\(enumeration.wireValue))"
  }
}

/// A property-wrapped field whose value, not its storage, is what the printer shows.
private protocol TolerantField {
  var printedValue: Any { get }
}

extension Tolerant: TolerantField {
  fileprivate var printedValue: Any { wrappedValue as Any }
}
