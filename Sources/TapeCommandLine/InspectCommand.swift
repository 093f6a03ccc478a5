import Foundation
import Tape

/// `tape inspect <cassette> [--json]`: what a cassette holds, readable or as JSON.
enum InspectCommand {
  static let usage = """
    usage: tape inspect <cassette> [--json]

    Prints a cassette's interactions (index, method, path, status, repeat count, offset,
    body), its polling sequences per request with the progress the models of the five APIs
    read from each answer, the redactions made when it was recorded, and its drift from the
    models (as kept in its metadata when it was recorded; read now for an older cassette).
    tape audit is the command that looks for secrets.

    options:
      --json      the same as one JSON document
      -h, --help  print this text

    Exit status: 0 printed, 1 the cassette cannot be read (the error names the file and the
    JSON path), 2 usage error.

    """

  static func run(_ arguments: [String]) -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: [], flagOptions: ["--json", "--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.count == 1, let path = scanner.positionals.first else {
      return .usageError("name one cassette file", usage: usage)
    }
    let cassette: Cassette
    do {
      cassette = try CassetteFile.load(from: URL(fileURLWithPath: path))
    } catch {
      return .failure(error.description)
    }
    let inspection = CassetteInspection(cassette, file: path)
    if scanner.flags.contains("--json") {
      return .success(inspection.json.serialized(.canonical) + "\n")
    }
    return .success(inspection.text)
  }
}
