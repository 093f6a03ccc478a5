import DecoderFuzz
import Foundation

/// The `tape` command line: picks the subcommand and runs it.
public enum TapeCommand {
  /// The overall usage text.
  public static let usage = """
    usage: tape <command> [options]

    commands:
      audit     scan cassettes for secrets (exit 1 naming the file and JSON path)
      decode    decode an API payload into its model and print its progress
      fuzz      fuzz the models with mutated payloads; 'fuzz replay <file>' reruns a finding
      har       convert cassettes to and from HAR 1.2 (har export, har import)
      inspect   show a cassette: interactions, polling sequences with their progress, redactions
      poll      poll one task until it finishes (against the cloud, or the simulator)
      proxy     a recording reverse proxy: any client records through it
      serve     replay cassettes over HTTP on 127.0.0.1 for clients in any language
      simulate  serve a simulator of the five APIs on 127.0.0.1 until interrupted
      record    record a polling session of every API against the simulator: 'record all'
      help      print this text

    Run 'tape <command> --help' for a command's options.

    """

  /// Runs `tape` with `arguments` (without the program name).
  ///
  /// - Parameter readInput: reads a named file, or standard input for `-`.
  public static func run(
    _ arguments: [String], readInput: (String) throws -> Data = TapeCommand.readFileOrStandardInput
  ) -> CommandOutcome {
    guard let command = arguments.first else {
      return .usageError("no command given", usage: usage)
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "audit": return AuditCommand.run(rest)
    case "decode": return DecodeCommand.run(rest, readInput: readInput)
    case "fuzz": return FuzzCommand.run(rest, readInput: readInput)
    case "har": return HARCommand.run(rest, readInput: readInput)
    case "inspect": return InspectCommand.run(rest)
    case "fuzz-worker":
      let status = FuzzWorker.serve(arguments: rest, targets: FuzzTargetRegistry.standard)
      return CommandOutcome(status: status, output: "", errorOutput: "")
    case "record":
      return .usageError("record runs asynchronously: start it with main(_:)", usage: usage)
    case "poll":
      return .usageError("poll runs asynchronously: start it with main(_:)", usage: usage)
    case "simulate", "serve", "proxy":
      return .usageError("\(command) runs until interrupted: start it with main(_:)", usage: usage)
    case "help", "--help", "-h": return .success(usage)
    default: return .usageError("unknown command '\(command)'", usage: usage)
    }
  }

  /// Runs `tape`, long-running commands included: `simulate` and `serve` serve until `until` returns
  /// (the executable passes a wait for SIGINT or SIGTERM).
  public static func main(
    _ arguments: [String], print: @escaping @Sendable (String) -> Void,
    until: @escaping @Sendable () async -> Void,
    readInput: (String) throws -> Data = TapeCommand.readFileOrStandardInput
  ) async -> CommandOutcome {
    if arguments.first == "record" {
      return await RecordCommand.run(Array(arguments.dropFirst()), print: print)
    }
    if arguments.first == "poll" {
      return await PollCommand.run(
        Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        isTerminal: isatty(STDOUT_FILENO) == 1, print: print)
    }
    if arguments.first == "proxy" {
      return await ProxyCommand.run(
        Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        print: print, until: until)
    }
    if arguments.first == "serve" {
      return await ServeCommand.run(Array(arguments.dropFirst()), print: print, until: until)
    }
    guard arguments.first == "simulate" else { return run(arguments, readInput: readInput) }
    return await SimulateCommand.run(
      Array(arguments.dropFirst()), readInput: readInput, print: print, until: until)
  }

  /// Reads the file at `path`, or all of standard input when `path` is `-`.
  @Sendable public static func readFileOrStandardInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }
}
