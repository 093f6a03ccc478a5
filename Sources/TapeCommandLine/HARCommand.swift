import CloudDrift
import Foundation
import JSONTree
import Tape

/// `tape har export|import`: cassettes to and from HAR 1.2.
enum HARCommand {
  static let usage = """
    usage: tape har export <cassette> [--out <file.har>]
           tape har import <file.har> --cassette <file>

    Converts between cassettes and HAR 1.2 (written by browser devtools, Charles,
    mitmproxy and other recorders). Export writes standard output unless --out is given.
    Order, repeat counts (_repeat), offsets (_offsetMilliseconds) and redactions
    (_redactions) travel in underscore fields, so import after export gives the cassette
    back, every interaction and byte included. Import redacts credentials as a recording
    does, and refuses an archive that still holds a secret (a token-shaped value, a key).

    options:
      --out <file.har>     export: where to write the HAR (default: standard output)
      --cassette <file>    import: the cassette to write
      -h, --help           print this text

    \(ExitStatus.help([
      .success: "written",
      .negative: "import refused: a secret survived redaction (the error names it)",
      .usage: "a usage error",
      .unusable:
        "the input cannot be read or is not a cassette or HAR (the error names the file "
        + "and the JSON path), or the output cannot be written",
    ]))
    """

  static func run(_ arguments: [String], readInput: (String) throws -> Data) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--out", "--cassette"], flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.count == 2 else {
      return .usageError("expected 'export <cassette>' or 'import <file.har>'", usage: usage)
    }
    let (action, input) = (scanner.positionals[0], scanner.positionals[1])
    switch action {
    case "export":
      if scanner.options["--cassette"] != nil {
        return .usageError(
          "export reads the cassette named as its argument; --out names the HAR", usage: usage)
      }
      return export(input, to: scanner.options["--out"])
    case "import":
      if scanner.options["--out"] != nil {
        return .usageError("import writes the cassette named by --cassette <file>", usage: usage)
      }
      guard let output = scanner.options["--cassette"] else {
        return .usageError("import needs --cassette <file>", usage: usage)
      }
      return importArchive(input, to: output, readInput: readInput)
    default:
      return .usageError("unknown action '\(action)'; expected export or import", usage: usage)
    }
  }

  private static func export(_ path: String, to output: String?) -> CommandOutcome {
    let cassette: Cassette
    do {
      cassette = try CassetteFile.load(from: URL(fileURLWithPath: path))
    } catch {
      return .unusable(error.description)
    }
    let text =
      JSONOutputText.escapingControls(HTTPArchive.export(cassette).serialized(.canonical)) + "\n"
    guard let output else { return .success(text) }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      return .unusable("cannot write \(output): \(FileProblem.sentence(for: error))")
    }
    return CommandOutcome(
      .success,
      errorOutput: "wrote \(output): \(cassette.interactions.count) entries from \(path)\n")
  }

  private static func importArchive(
    _ path: String, to output: String, readInput: (String) throws -> Data
  ) -> CommandOutcome {
    let document: JSONValue
    do {
      document = try JSONParser().parse(try readInput(path))
    } catch let error as JSONParseError {
      return .unusable("\(path) is not valid JSON: \(error)")
    } catch {
      return .unusable("cannot read \(path): \(FileProblem.sentence(for: error))")
    }
    do {
      let (cassette, unanswered) = try HTTPArchive.read(document, file: path)
      // What browsers and proxies save holds live credentials: it goes through the one
      // recorder write (redacted, live secrets collected and replaced, scanned, written
      // atomically); a secret that survives refuses the import.
      let recorder = CassetteRecorder(redactor: .huaweiCloud, drift: .huaweiCloud)
      for interaction in cassette.interactions { recorder.keep(interaction) }
      let summary = try recorder.write(
        to: URL(fileURLWithPath: output), named: output, metadata: cassette.metadata)
      let drift = summary.driftText.isEmpty ? "" : summary.driftText + "\n"
      let skipped =
        unanswered.isEmpty
        ? ""
        : "skipped \(unanswered.count) entr\(unanswered.count == 1 ? "y" : "ies") with no answer "
          + "(response status 0: \(unanswered.map { "log/entries/\($0)" }.joined(separator: ", ")))\n"
      return CommandOutcome(
        .success,
        errorOutput: skipped + "wrote \(output): \(summary.recorded) interactions from \(path)\n"
          + drift)
    } catch let error as CassetteError {
      return .unusable(error.description)
    } catch {
      return CommandOutcome(ExitStatus.of(error), errorOutput: "error: \(error)\n")
    }
  }
}
