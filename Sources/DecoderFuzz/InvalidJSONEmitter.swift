import JSONTree

/// Writes a ``JSONValue`` as compact JSON bytes, and on request writes it wrong: trailing
/// commas, bytes that are not UTF-8, unpaired surrogate escapes (see ``EmissionMark``).
///
/// Without marks the output is the same text as `JSONValue.serialized(.compact)`. Duplicate
/// keys need no mark (the tree keeps them) and truncation is a ``ByteEdit``.
public enum InvalidJSONEmitter {
  /// The document's bytes with the defects of `marks` written in.
  public static func bytes(of document: JSONValue, marks: [EmissionMark] = []) -> [UInt8] {
    var writer = Writer(marks: marks)
    writer.write(document)
    return writer.output
  }
}

private struct Writer {
  var output: [UInt8] = []
  let marks: [EmissionMark]
  var path: [String] = []

  init(marks: [EmissionMark]) {
    self.marks = marks
    output.reserveCapacity(256)
  }

  func marksHere() -> [EmissionMark] {
    guard !marks.isEmpty else { return [] }
    return marks.filter { $0.pointer.tokens == path }
  }

  mutating func write(_ value: JSONValue) {
    switch value {
    case .null: output += Array("null".utf8)
    case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
    case .number(let lexeme): output += Array(lexeme.utf8)
    case .string(let text): writeString(text, defects: marksHere())
    case .array(let elements):
      let trailing = marksHere().contains { if case .trailingComma = $0 { true } else { false } }
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        path.append(String(index))
        write(element)
        path.removeLast()
      }
      if trailing { output.append(UInt8(ascii: ",")) }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      let trailing = marksHere().contains { if case .trailingComma = $0 { true } else { false } }
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        writeString(member.key, defects: [])
        output.append(UInt8(ascii: ":"))
        path.append(member.key)
        write(member.value)
        path.removeLast()
      }
      if trailing { output.append(UInt8(ascii: ",")) }
      output.append(UInt8(ascii: "}"))
    }
  }

  mutating func writeString(_ text: String, defects: [EmissionMark]) {
    output.append(UInt8(ascii: "\""))
    for defect in defects {
      switch defect {
      case .invalidUTF8(_, let bytes): output += bytes
      case .loneSurrogate: output += Array(#"\uD800"#.utf8)
      case .trailingComma: break
      }
    }
    let utf8 = text.utf8
    if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
    {
      output += utf8
      output.append(UInt8(ascii: "\""))
      return
    }
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += [0x5C, 0x22]
      case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
      case 0x0A: output += [0x5C, UInt8(ascii: "n")]
      case 0x0D: output += [0x5C, UInt8(ascii: "r")]
      case 0x09: output += [0x5C, UInt8(ascii: "t")]
      case 0x08: output += [0x5C, UInt8(ascii: "b")]
      case 0x0C: output += [0x5C, UInt8(ascii: "f")]
      case 0..<0x20:
        output += Array(#"\u00"#.utf8)
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0xF))
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
  }
}
