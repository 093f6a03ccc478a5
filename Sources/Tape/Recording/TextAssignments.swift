import Foundation

/// The `name=value` pairs of a text (a query, a form, a configuration line, an error message)
/// and the `Name: value` lines of a text that holds HTTP headers: what the secret scan
/// reads in text to judge, by the redactor's rules on names, whether a value is one.
///
/// A name is a run of letters, digits and `_ . - [ ] %` right before `=`; its value runs to
/// the next `&`, space, control character, `;`, `,`, quote, `)`, `}`, `]` or `|`, or is a whole
/// `<PLACEHOLDER>`. Names and values are percent-decoded (`+` is a space). A value that
/// starts with `=` is base64 padding, not a value.
enum TextAssignments {
  /// Each `name=value` pair of `text` with a value, decoded.
  static func pairs(in text: String) -> [(name: String, value: String)] {
    var text = text
    return text.withUTF8 { pairs(in: $0) }
  }

  static func pairs(in bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
    var pairs: [(String, String)] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "=") else {
        index += 1
        continue
      }
      var nameStart = index
      while nameStart > 0 && isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
      var end = index + 1
      if end < bytes.count, bytes[end] == UInt8(ascii: "<"),
        let close = bytes[end...].prefix(while: { !isValueEnd($0) }).firstIndex(
          of: UInt8(ascii: ">"))
      {
        end = close + 1
      } else {
        while end < bytes.count && !isValueEnd(bytes[end]) { end += 1 }
      }
      let valueStart = index + 1
      if nameStart < index, valueStart < end, bytes[valueStart] != UInt8(ascii: "=") {
        pairs.append((decode(bytes[nameStart..<index]), decode(bytes[valueStart..<end])))
      }
      index = max(end, index + 1)
    }
    return pairs
  }

  /// Each `Name: value` line of `text` (a header name at the start of a line, a colon, the
  /// value trimmed of spaces and tabs). Lines end at a line feed or a carriage return.
  ///
  /// Read byte by byte: the value trimmed as characters, reversed and reversed again, was
  /// half of `tape audit`'s time on a cassette with log bodies.
  static func headerLines(in text: String) -> [(name: String, value: String)] {
    var text = text
    return text.withUTF8 { bytes in
      var lines: [(String, String)] = []
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        if let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")), colon != start,
          bytes[start..<colon].allSatisfy(isHeaderNameByte)
        {
          var valueStart = colon + 1
          while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 {
            valueStart += 1
          }
          var valueEnd = end
          while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 {
            valueEnd -= 1
          }
          lines.append(
            (
              String(decoding: bytes[start..<colon], as: UTF8.self),
              String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            ))
        }
        start = end + 1
      }
      return lines
    }
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: true
    case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "%"):
      true
    default: false
    }
  }

  private static func isHeaderNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "_"): true
    default: false
    }
  }

  private static func isValueEnd(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x00..<0x20, UInt8(ascii: "&"), UInt8(ascii: " "), UInt8(ascii: ";"),
      UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"),
      UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "|"):
      true
    default: false
    }
  }

  /// `part` percent-decoded, `+` a space (kept as it is when it does not decode).
  private static func decode(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    decode(Substring(String(decoding: part, as: UTF8.self)))
  }

  /// `text` percent-decoded, `+` a space (kept as it is when it does not decode).
  static func decode(_ text: Substring) -> String {
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") })
    else { return String(text) }
    let spaced = String(text).replacing("+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// The `name=value` fields of a query or a form, `&`-separated, decoded (a field with no
  /// `=` has an empty value).
  static func fields(of text: Substring) -> [(name: String, value: String)] {
    text.split(separator: "&").map { pair in
      guard let equals = pair.firstIndex(of: "=") else { return (decode(pair), "") }
      return (decode(pair[..<equals]), decode(pair[pair.index(after: equals)...]))
    }
  }
}
