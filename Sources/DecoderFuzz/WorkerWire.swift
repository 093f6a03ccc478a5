/// The worker's pipe protocol. The parent writes each input as a frame, a 4-byte
/// little-endian length then the bytes; the worker answers each input with one line as soon
/// as it is done, so when the worker dies the parent knows exactly which input was in
/// flight: the first one without an answer.
///
/// Lines: `A<TAB>signature`, `R<TAB>signature`, `F<TAB>class<TAB>path<TAB>detail`, with tab,
/// newline and backslash escaped in the fields (`-` is an absent path).
public enum WorkerWire {
  /// The frame of one input.
  public static func frame(_ input: [UInt8]) -> [UInt8] {
    let count = UInt32(input.count)
    return [
      UInt8(truncatingIfNeeded: count), UInt8(truncatingIfNeeded: count >> 8),
      UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 24),
    ] + input
  }

  /// Appends the frame of one input to `output`.
  public static func appendFrame(_ input: [UInt8], to output: inout [UInt8]) {
    let count = UInt32(input.count)
    output.append(UInt8(truncatingIfNeeded: count))
    output.append(UInt8(truncatingIfNeeded: count >> 8))
    output.append(UInt8(truncatingIfNeeded: count >> 16))
    output.append(UInt8(truncatingIfNeeded: count >> 24))
    output += input
  }

  /// The answer line of one outcome, newline included.
  public static func line(_ outcome: ExecutionOutcome) -> String {
    switch outcome {
    case .accepted(let signature): "A\t\(escape(signature))\n"
    case .rejected(let signature): "R\t\(escape(signature))\n"
    case .finding(let report):
      "F\t\(report.findingClass.rawValue)\t\(report.path.map(escape) ?? "-")\t"
        + "\(escape(report.detail))\n"
    }
  }

  /// Reads an answer line (without its newline); nil when it is malformed.
  public static func outcome(fromLine line: Substring) -> ExecutionOutcome? {
    outcome(fromLine: Array(line.utf8)[...])
  }

  /// Reads an answer line given as its bytes (without the newline), field by field at the
  /// tabs, as ``outcome(fromLine:)-(Substring)`` reads its text: the parent reads every
  /// answer so, without making the line a `String` and splitting it by `Character` (a
  /// third of a worker campaign's parent).
  public static func outcome(fromLine line: ArraySlice<UInt8>) -> ExecutionOutcome? {
    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
    guard let kind = fields.first, kind.count == 1 else { return nil }
    switch kind.first {
    case UInt8(ascii: "A") where fields.count == 2: return .accepted(signature: unescape(fields[1]))
    case UInt8(ascii: "R") where fields.count == 2: return .rejected(signature: unescape(fields[1]))
    case UInt8(ascii: "F") where fields.count == 4:
      guard let findingClass = FindingClass(rawValue: unescape(fields[1])) else { return nil }
      let path = unescape(fields[2])
      return .finding(
        FindingReport(findingClass, path: path == "-" ? nil : path, detail: unescape(fields[3])))
    default: return nil
    }
  }

  private static func escape(_ text: String) -> String {
    // Most fields hold nothing to escape: kept as they are, not rebuilt scalar by scalar
    // (a 512-deep rejection's signature is a kilobyte).
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
    else { return text }
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "\\": result += "\\\\"
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// A field's text, `\t`, `\n` and `\r` read as tab, newline and return and a backslash
  /// before any other byte dropped.
  private static func unescape(_ field: ArraySlice<UInt8>) -> String {
    guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(field.count)
    var escaping = false
    for byte in field {
      if escaping {
        switch byte {
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        default: bytes.append(byte)
        }
        escaping = false
      } else if byte == 0x5C {
        escaping = true
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
