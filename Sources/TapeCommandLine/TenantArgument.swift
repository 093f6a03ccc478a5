import Tape

/// `--tenant <name>=<value>`, repeatable: the tenant identifiers (project, domain, workspace,
/// user ids) that `tape proxy` scrubs from what it records and that `tape proxy` and
/// `tape serve` put back in place of their placeholders when they replay.
enum TenantArgument {
  /// The option's name, the same for every command.
  static let option = "--tenant"

  /// The identifiers given, in order.
  ///
  /// - Throws: a problem worded for the user when a value is not `<name>=<value>`, a name
  ///   holds anything but ASCII letters, digits and `_` (it names the placeholder), a value
  ///   is shorter than 4 characters (every occurrence of it is replaced), or a name or a
  ///   value is given twice.
  static func identifiers(in scanner: ArgumentScanner) throws(ArgumentScanner.Problem)
    -> [TenantIdentifier]
  {
    var identifiers: [TenantIdentifier] = []
    for text in scanner.repeated[option] ?? [] {
      guard let equals = text.firstIndex(of: "=") else {
        throw problem("must be <name>=<value>, such as project_id=<the id>, got '\(text)'")
      }
      let name = String(text[..<equals])
      let value = String(text[text.index(after: equals)...])
      guard !name.isEmpty,
        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
      else {
        throw problem(
          "names may hold only ASCII letters, digits and _ (the name goes into the "
            + "placeholder tenant-<name>-scrubbed), got '\(name)'")
      }
      guard value.count >= 4 else {
        throw problem(
          "\(name): the value must have at least 4 characters, since every occurrence of it "
            + "is replaced")
      }
      if identifiers.contains(where: { $0.name == name }) {
        throw problem("\(name) is given twice")
      }
      if let other = identifiers.first(where: { $0.value == value }) {
        throw problem("\(name) has the same value as \(other.name)")
      }
      identifiers.append(TenantIdentifier(name: name, value: value))
    }
    return identifiers
  }

  /// The arguments that give `identifiers` again, to hand them to another command.
  static func arguments(_ identifiers: [TenantIdentifier]) -> [String] {
    identifiers.flatMap { [option, "\($0.name)=\($0.value)"] }
  }

  private static func problem(_ message: String) -> ArgumentScanner.Problem {
    ArgumentScanner.Problem(message: "\(option) \(message)")
  }
}
