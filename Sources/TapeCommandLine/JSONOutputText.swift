/// JSON a command prints (`tape inspect --json`, `tape har export`), made safe for a terminal
/// and still valid JSON: DEL and the C1 controls (U+007F to U+009F), which JSON allows raw in
/// a string and some terminals obey, are written as `\u00XX` escapes. The C0 controls are
/// escaped by the JSON writer already, so nothing is left for `StandardStream` to rewrite.
enum JSONOutputText {
  /// `json` with DEL and every C1 control escaped as JSON escapes. Such a scalar can only
  /// stand inside a string of a JSON text, where the escape means the same.
  static func escapingControls(_ json: String) -> String {
    TerminalText.rewriting(json, where: isC1OrDelete) {
      "\\u00\(String($0.value, radix: 16, uppercase: true))"
    }
  }

  private static func isC1OrDelete(_ scalar: Unicode.Scalar) -> Bool {
    (0x7F...0x9F).contains(scalar.value)
  }
}
