import Tape

/// `--redact-header <name>`, `--redact-json-key <key>` and `--redact-query <key>`, each
/// repeatable: rules the recording commands (`tape record`, `tape poll --record`,
/// `tape proxy`) add to the one redactor (`Redactor.huaweiCloud.adding(...)`), so that a
/// write refused because a secret survived redaction can be finished from the command line.
/// `tape serve` takes them too, to match live requests as the cassette was recorded.
///
/// One table: the scanner's option names and every command's help lines come from it.
enum RedactionArgument {
  /// One option: its name, what its value is, what it does, and the rule it adds.
  struct Option: Sendable {
    let name: String
    let value: String
    let help: String
    let add: @Sendable (Redactor, String) -> Redactor
  }

  /// The options.
  static let options: [Option] = [
    Option(
      name: "--redact-header", value: "<name>",
      help: "also redact this header's value, in requests and answers"
    ) { $0.adding(headerNames: [$1]) },
    Option(
      name: "--redact-json-key", value: "<key>",
      help: "also redact everything this JSON key (or form field) holds, at any depth of any "
        + "body"
    ) { $0.adding(jsonKeys: [$1]) },
    Option(
      name: "--redact-query", value: "<key>",
      help: "also redact this query parameter's value"
    ) { $0.adding(queryKeys: [$1]) },
  ]

  /// The option names, for ``ArgumentScanner``'s repeatable options.
  static let names = Set(options.map(\.name))

  /// The help lines of the options: the option in a column `width` wide after two spaces,
  /// the text beside it (below it when the option is wider), `total` columns at most; then
  /// `note` in the text's column.
  static func help(width: Int, total: Int = 86, note: String? = nil) -> String {
    let indent = String(repeating: " ", count: 2 + width)
    var lines: [String] = []
    func add(_ text: String, after head: String) {
      let wrapped = HelpText.wrap(text, width: total - indent.count)
      lines.append(head + wrapped[0])
      lines += wrapped.dropFirst().map { indent + $0 }
    }
    for option in options {
      let head = "  \(option.name) \(option.value)"
      if head.count + 2 <= 2 + width {
        add(option.help, after: head.padding(toLength: 2 + width, withPad: " ", startingAt: 0))
      } else {
        lines.append(head)
        add(option.help, after: indent)
      }
    }
    if let note { add(note, after: indent) }
    return lines.joined(separator: "\n")
  }

  /// Whether any of the options was given.
  static func isGiven(in scanner: ArgumentScanner) -> Bool {
    options.contains { !(scanner.repeated[$0.name] ?? []).isEmpty }
  }

  /// `base` with the rules given added.
  ///
  /// - Throws: a problem worded for the user when a value is empty or a header name is not
  ///   an HTTP token.
  static func redactor(_ base: Redactor, in scanner: ArgumentScanner)
    throws(ArgumentScanner.Problem) -> Redactor
  {
    var redactor = base
    for option in options {
      for value in scanner.repeated[option.name] ?? [] {
        guard !value.isEmpty else {
          throw ArgumentScanner.Problem(message: "\(option.name) needs a name, got ''")
        }
        if option.name == "--redact-header", !value.unicodeScalars.allSatisfy(isTokenCharacter) {
          throw ArgumentScanner.Problem(
            message: "\(option.name) must be a header name, got '\(value)'")
        }
        redactor = option.add(redactor, value)
      }
    }
    return redactor
  }

  /// The arguments that give the same rules again, to hand them to another command.
  static func arguments(in scanner: ArgumentScanner) -> [String] {
    options.flatMap { option in
      (scanner.repeated[option.name] ?? []).flatMap { [option.name, $0] }
    }
  }

  /// Whether a character may be part of an HTTP token (RFC 9110 `tchar`): a header name.
  private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9": true
    default: "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }
  }
}
