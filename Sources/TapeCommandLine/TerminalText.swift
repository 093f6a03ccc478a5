/// Text that is safe to print to a terminal: control characters from untrusted input
/// (escape sequences, OSC titles, NUL, C1 controls, DEL) are shown as `\u{1B}`, never sent.
enum TerminalText {
  /// `text` with every control character but the newline (and tab) escaped.
  static func escaped(_ text: String) -> String {
    rewriting(text, where: isControl) { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
  }

  /// `text` with each scalar `matches` picks written as `spelling` says; `text` itself (no
  /// copy) when none is picked.
  static func rewriting(
    _ text: String, where matches: (Unicode.Scalar) -> Bool,
    as spelling: (Unicode.Scalar) -> String
  ) -> String {
    guard text.unicodeScalars.contains(where: matches) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if matches(scalar) {
        result.append(contentsOf: spelling(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// What Tape's own line rewriters start a chunk with: back to the line's start and clear
  /// it (`LiveLine`, `ProgressPrinter`).
  static let lineRewrites = ["\r\u{1B}[2K", "\r\u{1B}[K"]

  /// `text` as a command prints it: every control character from anywhere escaped (a
  /// service's message, a path from a request, a cassette's value), but for a leading line
  /// rewrite of Tape's own.
  static func neutralized(_ text: String) -> String {
    for prefix in lineRewrites where text.hasPrefix(prefix) {
      return prefix + escaped(String(text.dropFirst(prefix.count)))
    }
    return escaped(text)
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x0A || value == 0x09 { return false }
    return value < 0x20 || (0x7F...0x9F).contains(value)
  }
}
