import Foundation

/// An `application/x-www-form-urlencoded` body (`grant_type=password&password=hunter2`):
/// recognised, read and rewritten field by field, its bytes otherwise kept.
enum FormBody {
  /// Whether `text` is a form body: its content type says so, or it reads as `name=value`
  /// pairs joined by `&` with no white space (whatever its content type says: `sk=...` sent
  /// as `text/plain` is redacted as a form too).
  static func applies(to text: String, contentType: String?) -> Bool {
    if let contentType, contentType.lowercased().containsBytes(of: "x-www-form-urlencoded") {
      return true
    }
    return !text.isEmpty && !surelyNotForm(text)
      && text.split(separator: "&", omittingEmptySubsequences: false).allSatisfy { pair in
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
          return false
        }
        return !pair.contains { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
      }
  }

  /// Whether the bytes of `text` already show that the check by characters fails: no `=`
  /// at all, or a character that is white space on its own (a tab; a line feed not after a
  /// carriage return; a space between ASCII bytes or the ends: no mark combines with them).
  /// Read by characters, a large text body took a seventh of `tape audit`'s time.
  private static func surelyNotForm(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var equals = false
      for (index, byte) in bytes.enumerated() {
        switch byte {
        case UInt8(ascii: "="): equals = true
        case 0x09: return true
        case 0x0A where index == 0 || bytes[index - 1] != 0x0D: return true
        case 0x20
        where (index == 0 || bytes[index - 1] < 0x80)
          && (index + 1 == bytes.count || bytes[index + 1] < 0x80):
          return true
        default: break
        }
      }
      return !equals
    }
  }

  /// The fields of a form body, names and values decoded (`+` is a space).
  static func fields(of text: String) -> [(name: String, value: String)] {
    text.split(separator: "&").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
    }
  }

  /// `text` with the value of each field for which `replacement` gives a value replaced by
  /// it; names, order and every other byte kept.
  static func replacingValues(in text: String, with replacement: (String) -> String?) -> String {
    text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
      guard let equals = pair.firstIndex(of: "="),
        let value = replacement(decode(pair[..<equals]))
      else { return String(pair) }
      return String(pair[...equals]) + value
    }.joined(separator: "&")
  }

  private static func decode(_ part: Substring) -> String {
    let spaced = String(part).replacing("+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
