import Foundation
import Tape

/// `tape audit [paths...]`: scans cassettes and HAR files for secrets, by the rules of
/// ``Redactor/huaweiCloud``, and exits 1 on a hit or on a file it cannot read, naming the
/// file and the place (a JSON pointer, or a line and column).
enum AuditCommand {
  static let usage = """
    usage: tape audit [paths...] [--max-bytes <n>]

    Scans cassettes and HAR files for secrets: each file given, and every *.json and *.har
    file in each folder given and below it (cassettes/ when no path is given). The rules are
    those `tape record` redacts by (the huaweiCloud profile); nothing is written.

    Found anywhere in a file (headers, URLs, JSON at any depth, text, form and base64
    bodies, HAR entries' headers, queryString, params, cookies and content):
      - a secret header whose value is not a placeholder: Authorization,
        Proxy-Authorization, Cookie, Set-Cookie, X-Auth-Token, X-Subject-Token,
        X-Security-Token, X-Api-Key, and any header whose name says token, secret,
        password, passphrase, credential, signature, API key, access key, private key, ak
        or sk;
      - a secret query value, JSON value, form field or name=value pair in a text whose
        value is not a placeholder, by the same names: password, passwd, secret,
        client_secret, secret_key, token, access_token, session_token, securitytoken,
        access, ak, sk, user_ak, signature, credential, AccessKeyId, X-Amz-Credential,
        private_key... (in JSON, everything below secret, passphrase and private_key);
      - IAM tokens (MII...), JSON web tokens, AK/SK signatures (Access=, Signature=),
        private keys, Basic credentials (base64 of user:password), Bearer tokens, a password
        in a URL;
      - a bare Huawei Cloud access key (AK: 20 upper-case letters and digits) or secret
        access key (SK: 40 letters of both cases and digits) standing as a word of its own.
    A placeholder is only what the redactor writes: <UPPER_SNAKE_CASE> (such as
    <X_AUTH_TOKEN>) or an empty value (<hunter2> is not one); a secret number must be 0.
    Base64 bodies are decoded; text bodies holding JSON or a form are read as such; strings
    holding JSON, wholly base64 or percent-encoded are read again, decoded.

    A file that is not valid JSON (merge-conflict markers, cut short, invalid UTF-8) is an
    error naming its line and column, and whatever it still holds is scanned all the same;
    a base64 body that does not decode is an error too.

    Each secret is printed as "file: at place: what", never the value: the place is a JSON
    pointer, with how a body was read ("/interactions/0/response/body/base64 (decoded, JSON)
    at /password"), or a line and column in a broken file. Errors go to standard error as
    "error: file:line:column: why".

    options:
      --max-bytes <n>    the largest file read (default 1073741824, 1 GiB); a larger one
                         is an error naming its size, and the other files are still audited
      -h, --help         print this text

    Limits: a file that is valid JSON with an object at its root (a cassette) is read a
    piece at a time, in linear time: memory holds one interaction, not the file (a 200 MB
    cassette is audited in seconds). Any other file, and one that is not valid JSON, is
    read whole: memory is a few times its size. JSON may nest 512 levels deep (deeper
    values of a broken file are read into the container at that depth); documents inside
    strings are read 4 levels deep; a gzip or zlib body is inflated up to 16 MiB.

    Each secret is a line on standard output; the summary and the errors go to standard
    error.

    \(ExitStatus.help([
      .success: "every file read, and no secret found",
      .negative: "a secret found (whatever else happened)",
      .usage: "a usage error",
      .unusable:
        "no secret found, but a file (or a body in it) cannot be read, is larger than "
        + "--max-bytes, or a path does not exist: what it holds was not all audited",
    ]))
    """

  static func run(_ arguments: [String]) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--max-bytes"], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    let limit: Int
    do {
      limit = try scanner.maximumBytes(default: SecretScanner.defaultFileLimit)
    } catch {
      return .usageError(error.message, usage: usage)
    }
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
          .compactMap { $0 as? String }.filter(isAudited).sorted() ?? []
        files += found.map { (path as NSString).appendingPathComponent($0) }
      } else {
        files.append(path)
      }
    }
    let secretScanner = SecretScanner(redactor: .huaweiCloud)
    var lines: [String] = []
    var filesWithSecrets = 0
    for file in files {
      let report: SecretScanner.Report
      do {
        report = try secretScanner.report(forFileAt: file, limit: limit)
      } catch {
        switch error {
        case .missing, .unreadable: problems.append("\(file): cannot be read")
        case .tooLarge(let limit, let size):
          problems.append(
            "\(file): \(size.map { "\($0) bytes, " } ?? "")larger than the \(limit) bytes read "
              + "at most (raise the limit with --max-bytes <n>)")
        }
        continue
      }
      for part in report.unreadable {
        if let line = part.line, let column = part.column {
          problems.append("\(file):\(line):\(column): \(part.reason)")
        } else {
          problems.append("\(file): \(part)")
        }
      }
      lines += report.hits.map { "\(file): \($0)" }
      if !report.hits.isEmpty { filesWithSecrets += 1 }
    }
    let errors = problems.map { "error: \($0)\n" }.joined()
    let audited = "\(files.count) file\(files.count == 1 ? "" : "s")"
    if lines.isEmpty && problems.isEmpty {
      return CommandOutcome(.success, errorOutput: "audited \(audited): no secrets\n")
    }
    let summary =
      lines.isEmpty
      ? ""
      : "\(lines.count) secret\(lines.count == 1 ? "" : "s") found in \(filesWithSecrets) of "
        + "\(audited)\n"
    return CommandOutcome(
      lines.isEmpty ? .unusable : .negative, output: lines.map { $0 + "\n" }.joined(),
      errorOutput: errors + summary)
  }

  /// Whether a file found in a folder is audited: a cassette (`.json`) or a HAR file.
  private static func isAudited(_ path: String) -> Bool {
    let lowered = path.lowercased()
    return lowered.hasSuffix(".json") || lowered.hasSuffix(".har")
  }
}
