/// Writes a ``JSONValue`` as compact JSON bytes, duplicate keys and number lexemes kept,
/// without going through `String`; ``JSONValue/serialized(_:)`` escapes its strings with it
/// too. The fuzzer writes its documents, finding files and byte splices with it.
public enum JSONWriter {
  /// The document's bytes.
  public static func bytes(of document: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(document, to: &output)
    return output
  }

  /// Appends `value` to `output`.
  public static func write(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        write(element, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        writeString(member.key, to: &output)
        output.append(UInt8(ascii: ":"))
        write(member.value, to: &output)
      }
      output.append(UInt8(ascii: "}"))
    default:
      writeScalar(value, to: &output)
    }
  }

  /// Appends a scalar (`null`, a boolean, a number or a string); containers write nothing.
  public static func writeScalar(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null: output += "null".utf8
    case .bool(let flag): output += (flag ? "true" : "false").utf8
    case .number(let lexeme): output += lexeme.utf8
    case .string(let text): writeString(text, to: &output)
    case .array, .object: break
    }
  }

  /// Appends `text` as a JSON string, quotes included.
  public static func writeString(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    writeStringContent(text, to: &output)
    output.append(UInt8(ascii: "\""))
  }

  /// Appends `text` escaped as the inside of a JSON string, without quotes: runs of bytes
  /// that need no escape are copied whole.
  public static func writeStringContent(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { writeEscaped($0, to: &output) }
  }

  private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var runStart = 0
    for index in bytes.indices {
      let byte = bytes[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        continue
      }
      if runStart < index {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      }
      runStart = index + 1
      switch byte {
      case UInt8(ascii: "\""): output += [0x5C, 0x22]
      case UInt8(ascii: "\\"): output += [0x5C, 0x5C]
      case 0x0A: output += [0x5C, UInt8(ascii: "n")]
      case 0x0D: output += [0x5C, UInt8(ascii: "r")]
      case 0x09: output += [0x5C, UInt8(ascii: "t")]
      case 0x08: output += [0x5C, UInt8(ascii: "b")]
      case 0x0C: output += [0x5C, UInt8(ascii: "f")]
      default:
        output += #"\u00"#.utf8
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0xF))
      }
    }
    if runStart < bytes.count {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
  }
}
