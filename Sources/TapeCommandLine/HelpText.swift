/// The word wrapping of the help texts: the exit-status rows, the `--redact-...` options and
/// the fuzz targets are laid out by it.
enum HelpText {
  /// `text` cut into lines of at most `width` characters, at spaces (a word longer than
  /// `width` stands alone on its line).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += line.isEmpty ? String(word) : " " + word
    }
    lines.append(line)
    return lines
  }
}
