import Foundation
import Tape

/// `tape inspect <cassette> [--json]`: what a cassette holds, readable or as JSON.
enum InspectCommand {
  static let usage = """
    usage: tape inspect <cassette> [--json] [--max-bytes <n>]

    Prints a cassette's interactions (index, method, path, status, repeat count, offset,
    body), its polling sequences per request with the progress the models of the five APIs
    read from each answer, the redactions made when it was recorded, and its drift from the
    models (as kept in its metadata when it was recorded; read now for an older cassette).
    tape audit is the command that looks for secrets.

    options:
      --json             the same as one JSON document
      --max-bytes <n>    the largest file read (default 1073741824, 1 GiB); a larger one
                         is an error naming its size, before anything is read
      -h, --help         print this text

    Limits: the file is read an interaction at a time, in linear time: memory holds one
    interaction and a line per interaction, not the file (a 200 MB cassette is read in
    seconds). JSON may nest 512 levels deep, counted from the top of the file.

    \(ExitStatus.help([
      .success: "printed",
      .usage: "a usage error",
      .unusable:
        "the cassette cannot be read (the error names the file and the JSON path, or the "
        + "line and column), or is larger than --max-bytes",
    ]))
    """

  static func run(_ arguments: [String]) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--max-bytes"], flagOptions: ["--json", "--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.count == 1, let path = scanner.positionals.first else {
      return .usageError("name one cassette file", usage: usage)
    }
    let limit: Int
    do {
      limit = try scanner.maximumBytes(default: CassetteStream.defaultLimit)
    } catch {
      return .usageError(error.message, usage: usage)
    }
    var inspection = CassetteInspection(file: path)
    do {
      let cassette = try CassetteStream.read(from: URL(fileURLWithPath: path), limit: limit) {
        inspection.add($0)
      }
      inspection.finish(cassette)
    } catch {
      guard case .tooLarge = error.problem else { return .unusable(error.description) }
      return .unusable(error.description + " (raise the limit with --max-bytes <n>)")
    }
    if scanner.flags.contains("--json") {
      return .success(
        JSONOutputText.escapingControls(inspection.json.serialized(.canonical)) + "\n")
    }
    return .success(inspection.text)
  }
}
