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
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
      unescape($0)
    }
    switch fields.first {
    case "A" where fields.count == 2: return .accepted(signature: fields[1])
    case "R" where fields.count == 2: return .rejected(signature: fields[1])
    case "F" where fields.count == 4:
      guard let findingClass = FindingClass(rawValue: fields[1]) else { return nil }
      return .finding(
        FindingReport(findingClass, path: fields[2] == "-" ? nil : fields[2], detail: fields[3]))
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

  private static func unescape(_ text: Substring) -> String {
    guard text.utf8.contains(0x5C) else { return String(text) }
    var result = ""
    var escaping = false
    for character in text.unicodeScalars {
      if escaping {
        switch character {
        case "t": result += "\t"
        case "n": result += "\n"
        case "r": result += "\r"
        default: result.unicodeScalars.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
