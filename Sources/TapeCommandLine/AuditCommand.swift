import Foundation
import Tape

/// `tape audit [paths...]`: scans cassettes for secrets and exits 1 on a hit, naming the
/// file and the JSON path.
enum AuditCommand {
  static let usage = """
    usage: tape audit [paths...]

    Scans cassette files (a folder is searched for *.json; cassettes/ when no path is given)
    for secrets: IAM tokens, JSON web tokens, AK/SK signatures and access keys, private
    keys, secret headers (Authorization, X-Auth-Token, X-Security-Token, X-Subject-Token,
    Cookie, Set-Cookie) whose value is not a placeholder, secret query values and JSON values
    (password, secret, securitytoken, access) that are not placeholders.

    Exit status: 0 no secret found, 1 a secret found (each printed as file: at pointer: what,
    never the value) or a file unreadable, 2 usage error.

    """

  static func run(_ arguments: [String]) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(arguments, valueOptions: [], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    let paths = scanner.positionals.isEmpty ? ["cassettes"] : scanner.positionals
    var files: [String] = []
    var problems: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        problems.append("\(path): no such file or folder")
        continue
      }
      if isFolder.boolValue {
        let found =
          FileManager.default.enumerator(atPath: path)?
          .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted() ?? []
        files += found.map { (path as NSString).appendingPathComponent($0) }
      } else {
        files.append(path)
      }
    }
    let secretScanner = SecretScanner()
    var lines: [String] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        problems.append("\(file): cannot be read")
        continue
      }
      lines += secretScanner.scan(data).map { "\(file): \($0)" }
    }
    let errors = problems.map { "error: \($0)\n" }.joined()
    if lines.isEmpty && problems.isEmpty {
      return .success("audited \(files.count) file\(files.count == 1 ? "" : "s"): no secrets\n")
    }
    let summary =
      lines.isEmpty
      ? "" : "\(lines.count) secret\(lines.count == 1 ? "" : "s") found in \(files.count) files\n"
    return CommandOutcome(
      status: 1, output: lines.map { $0 + "\n" }.joined() + summary, errorOutput: errors)
  }
}
