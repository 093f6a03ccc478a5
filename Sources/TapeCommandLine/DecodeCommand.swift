import CloudProgress
import Foundation
import JSONTree
import Tape

/// `tape decode --api <key> [--status N] [FILE | -]`: decodes a payload as the API's answer
/// or error body and prints the model and its normalized progress.
enum DecodeCommand {
  static let usage = """
    usage: tape decode --api <key> [--status <http-status>] [<file> | -]

    Decodes a payload (a file, or standard input when the file is '-' or absent) as the
    answer of one API and prints the model and its normalized TaskProgress.

    options:
      --api <key>       cpts, insight, quality, drs or check
      --status <code>   the HTTP status the payload came with; 400 and above decode it as
                        an error body. Without it, a body holding error_code, a JSON
                        string, or text that is not JSON is read as an error body.
      --max-bytes <n>   read at most n bytes (default 67108864, 64 MiB); more is an error
      -h, --help        print this text
      --version         print the version

    Control characters from the payload (escape sequences, NUL) are printed escaped
    (\\u{1B}), never sent to the terminal.

    A field the progress does not depend on (a name, a time, an id) that came as another
    type is listed under "wire anomalies" and does not fail the decode; a field the
    progress depends on that cannot be read does.

    \(ExitStatus.help([
      .success: "decoded",
      .negative: "the payload does not decode (not JSON, or not the API's answer)",
      .usage: "a usage error",
      .unusable: "the file cannot be read, or is larger than --max-bytes",
    ]))
    """

  static func run(_ arguments: [String], readInput: (String) throws -> Data) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--api", "--status", "--max-bytes"],
        flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard let key = scanner.options["--api"] else {
      return .usageError("--api is required", usage: usage)
    }
    guard let api = CloudAPI(rawValue: key) else {
      let keys = CloudAPI.allCases.map(\.rawValue).joined(separator: ", ")
      return .usageError("unknown API '\(key)'; expected one of \(keys)", usage: usage)
    }
    var status: Int?
    if let text = scanner.options["--status"] {
      guard let code = Int(text), (100...599).contains(code) else {
        return .usageError("--status must be an HTTP status code, got '\(text)'", usage: usage)
      }
      status = code
    }
    let limit: Int
    do {
      limit = try scanner.maximumBytes(default: InputLimit.defaultBytes)
    } catch {
      return .usageError(error.message, usage: usage)
    }
    guard scanner.positionals.count <= 1 else {
      return .usageError("expected at most one file", usage: usage)
    }
    let path = scanner.positionals.first ?? "-"
    let name = path == "-" ? "standard input" : path
    let body: Data
    do {
      body = try InputLimit.$bytes.withValue(limit) { try readInput(path) }
      if body.count > limit { throw InputLimit.Exceeded(limit: limit) }
    } catch let error as InputLimit.Exceeded {
      return .unusable(
        "cannot read \(TerminalText.escaped(name)): \(error.description) (raise the limit "
          + "with --max-bytes <n>)")
    } catch let error as TapeCommand.InputError {
      return .unusable("cannot read \(TerminalText.escaped(name)): \(error.description)")
    } catch {
      return .unusable(
        "cannot read \(TerminalText.escaped(name)): \(FileProblem.sentence(for: error))")
    }
    let outcome = decode(body, named: name, api: api, status: status)
    return CommandOutcome(
      status: outcome.status, output: TerminalText.escaped(abbreviated(outcome.output)),
      errorOutput: TerminalText.escaped(abbreviated(outcome.errorOutput)))
  }

  static func decode(_ body: Data, named name: String, api: CloudAPI, status: Int?)
    -> CommandOutcome
  {
    let document = Result { () throws(JSONParseError) in try JSONParser().parse(body) }
    if isErrorBody(body, document: try? document.get(), status: status) {
      let error = CloudError(httpStatus: status ?? 0, requestID: nil, body: body)
      return .success(
        """
        api: \(api) (\(api.operation.serviceName))
        error body (\(describe(error.source))):
          status: \(status.map(String.init) ?? "not given")
          code: \(error.code ?? "none")
          message: \(error.message)
          request id: \(error.requestID ?? "none")

        """)
    }
    let tree: JSONValue
    switch document {
    case .failure(let syntax):
      if syntax.pointer.tokens.count >= JSONParser().maximumDepth {
        return .failure(
          "\(name) is nested deeper than \(JSONParser().maximumDepth) levels (at line "
            + "\(syntax.line), column \(syntax.column)); Tape does not decode it")
      }
      return .failure("\(name) is not valid JSON: \(syntax)")
    case .success(let parsed):
      tree = parsed
    }
    do {
      // From the tree parsed above, as `Model(jsonData:)` would decode it after parsing.
      let model = try api.decodeResponse(from: tree)
      let progress = model.taskProgress
      return .success(
        """
        api: \(api) (\(api.operation.serviceName))
        \(ModelPrinter.render(model))\(anomalyLines(model.wireAnomalies))progress: \(progress)
        terminal: \(progress.isTerminal ? "yes" : "no")

        """)
    } catch let error as DecodingError {
      return .failure(
        "\(name) does not decode as \(api.responseType): \(DecodingFailure(error))")
    } catch {
      return .failure("\(name) does not decode as \(api.responseType): \(error)")
    }
  }

  /// Every line cut after 1,000 characters: a 100 MB string field is never printed whole.
  /// Works on UTF-8 bytes and scalars, never on `Character`s: grapheme breaking of a 100 MB
  /// line costs more than decoding it. One pass over the bytes: splitting the text as a
  /// generic collection cost more than parsing a 4 MB field.
  static func abbreviated(_ text: String) -> String {
    guard text.utf8.count > 1000 else { return text }
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      var lines: [String] = []
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
        lines.append(abbreviatedLine(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        start = end + 1
      }
      return lines.joined(separator: "\n")
    } ?? text
  }

  /// One line, cut after 1,000 Unicode scalars (a scalar starts at every byte that is not a
  /// UTF-8 continuation byte).
  private static func abbreviatedLine(_ line: UnsafeBufferPointer<UInt8>) -> String {
    guard line.count > 1000 else { return String(decoding: line, as: UTF8.self) }
    var scalars = 0
    var cut = line.count
    for (offset, byte) in line.enumerated() where byte & 0xC0 != 0x80 {
      if scalars == 1000 {
        cut = offset
        break
      }
      scalars += 1
    }
    let head = String(decoding: UnsafeBufferPointer(rebasing: line[..<cut]), as: UTF8.self)
    guard cut < line.count else { return head }
    return head + "... (\(line.count - cut) more bytes not shown)"
  }

  /// `wire anomalies: none`, or one line per value that does not match the documentation.
  private static func anomalyLines(_ anomalies: [WireAnomaly]) -> String {
    guard !anomalies.isEmpty else { return "wire anomalies: none\n" }
    return (["wire anomalies: \(anomalies.count)"] + anomalies.map { "  \($0)" })
      .joined(separator: "\n") + "\n"
  }

  /// Whether to read the body as an error: by status when given, else by its shape. Success
  /// bodies of Insight and Quality hold `error_msg` too, so only `error_code` (or IAM's
  /// nested `error` object) marks a JSON error body; text that does not start like a JSON
  /// object or array (the CPTS 501 body) is an error body as well.
  private static func isErrorBody(_ body: Data, document: JSONValue?, status: Int?) -> Bool {
    if let status { return status >= 400 }
    guard let document else {
      let start = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
      return start != nil && start != UInt8(ascii: "{") && start != UInt8(ascii: "[")
    }
    guard document.members != nil else { return document.stringValue != nil }
    return document["error_code"] != nil || document["error"]?.members != nil
  }

  private static func describe(_ source: CloudError.Source) -> String {
    switch source {
    case .errorCodeAndMessage: "error_code and error_msg"
    case .codeAndMessage: "code and message"
    case .nested(let pointer): "nested at \(pointer.displayText)"
    case .text: "plain text"
    }
  }
}
