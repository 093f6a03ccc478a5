/// Quoting of untrusted text (header contents) for error messages that may reach a log.
enum LogText {
  /// The longest excerpt of untrusted text an error message shows.
  static let excerptLimit = 64

  /// `text` in double quotes, control characters and quotes escaped, cut after
  /// ``excerptLimit`` characters with an ellipsis.
  static func quoted(_ text: some StringProtocol) -> String {
    var quoted = "\""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == excerptLimit {
        quoted += "…"
        break
      }
      count += 1
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        quoted += "\\u{" + String(scalar.value, radix: 16) + "}"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}
