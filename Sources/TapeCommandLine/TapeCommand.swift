import DecoderFuzz
import Foundation

/// The `tape` command line: picks the subcommand and runs it.
public enum TapeCommand {
  /// The overall usage text.
  public static let usage = """
    usage: tape <command> [options]

    commands:
      audit     scan cassettes and HAR files for secrets (exit 1 naming file and place)
      decode    decode an API payload into its model and print its progress
      fuzz      fuzz the models with mutated payloads; 'fuzz replay <file>' reruns a finding
      har       convert cassettes to and from HAR 1.2 (har export, har import)
      inspect   show a cassette: interactions, polling sequences and their progress, drift
      poll      poll one task until it finishes (against the cloud, or the simulator)
      poll-fuzz serve generated polling sessions to a poller in any language and judge it
      proxy     a recording reverse proxy: any client records through it
      record    record one task's polling session into a cassette ('record <api> [id]')
      serve     replay cassettes over HTTP on 127.0.0.1 for clients in any language
      simulate  serve a simulator of the five APIs on 127.0.0.1 until interrupted
      help      print this text

    options:
      -h, --help      print this text ('tape <command> --help' for a command's options)
      --version       print the version

    The same words everywhere: --cassette <file> names the cassette a command writes (poll,
    record, proxy, har import); files a command reads are its arguments; --out <file>
    names any other output; --port <port> and --port-file <file> where a server listens;
    --corpus <dir> the fuzz corpus. Every option is written --name value or --name=value.

    Standard output carries the data a command was asked for (a cassette shown, a model
    decoded, a HAR exported, the secrets audit found, poll's progress lines, the first line
    "tape <command> listening on <url>" of serve, proxy, simulate and poll-fuzz); reports,
    summaries, notices and errors go to standard error.

    \(ExitStatus.table)
    """

  /// The version `tape --version` prints.
  public static let version = "tape 0.1.0"

  /// Runs `tape` with `arguments` (without the program name).
  ///
  /// - Parameter readInput: reads a named file, or standard input for `-`.
  public static func run(
    _ arguments: [String], readInput: (String) throws -> Data = TapeCommand.readFileOrStandardInput
  ) -> CommandOutcome {
    guard let command = arguments.first else {
      return .usageError("no command given", usage: usage)
    }
    if command != "fuzz-worker", arguments.contains("--version") {
      return .success(version + "\n")
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "audit": return AuditCommand.run(rest)
    case "decode": return DecodeCommand.run(rest, readInput: readInput)
    case "fuzz": return FuzzCommand.run(rest, readInput: readInput)
    case "har": return HARCommand.run(rest, readInput: readInput)
    case "inspect": return InspectCommand.run(rest)
    case "fuzz-worker":
      // Ctrl-C reaches the whole process group: the parent decides when workers stop (a
      // worker killed by it would read as a crash finding).
      signal(SIGINT, SIG_IGN)
      let status = FuzzWorker.serve(arguments: rest, targets: FuzzTargetRegistry.standard)
      return CommandOutcome(status: status, output: "", errorOutput: "")
    case "record":
      return .usageError("record runs asynchronously: start it with main(_:)", usage: usage)
    case "poll":
      return .usageError("poll runs asynchronously: start it with main(_:)", usage: usage)
    case "simulate", "serve", "proxy", "poll-fuzz":
      return .usageError("\(command) runs until interrupted: start it with main(_:)", usage: usage)
    case "help", "--help", "-h": return .success(usage)
    default: return .usageError("unknown command '\(command)'", usage: usage)
    }
  }

  /// Runs `tape`, long-running commands included: `simulate`, `serve` and `proxy` serve until
  /// `until` returns, and `record` and `poll` stop early when it does (the executable passes
  /// a wait for SIGINT, SIGTERM or SIGHUP).
  ///
  /// `print` receives the data a command writes as it goes (standard output); `report` its
  /// reports, notices and summaries as they come (standard error).
  public static func main(
    _ arguments: [String], print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: @escaping @Sendable () async -> Void,
    readInput: (String) throws -> Data = TapeCommand.readFileOrStandardInput
  ) async -> CommandOutcome {
    if arguments.contains("--version") { return run(arguments, readInput: readInput) }
    if arguments.first == "record" {
      return await RecordCommand.run(
        Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        print: print, report: report, until: until)
    }
    if arguments.first == "poll" {
      return await PollCommand.run(
        Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        isTerminal: isatty(STDOUT_FILENO) == 1, print: print, until: until, report: report)
    }
    if arguments.first == "proxy" {
      return await ProxyCommand.run(
        Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
        print: print, report: report, until: until)
    }
    if arguments.first == "poll-fuzz" {
      return await PollFuzzCommand.run(
        Array(arguments.dropFirst()), print: print, report: report, until: until)
    }
    if arguments.first == "serve" {
      return await ServeCommand.run(
        Array(arguments.dropFirst()), print: print, report: report, until: until)
    }
    guard arguments.first == "simulate" else { return run(arguments, readInput: readInput) }
    return await SimulateCommand.run(
      Array(arguments.dropFirst()), readInput: readInput, print: print, report: report,
      until: until)
  }

  /// Reads the file at `path`, or all of standard input when `path` is `-`.
  /// At most ``InputLimit/bytes``; a directory is refused with a sentence.
  @Sendable public static func readFileOrStandardInput(_ path: String) throws -> Data {
    let limit = InputLimit.bytes
    if path == "-" { return try InputLimit.read(FileHandle.standardInput, limit: limit) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw InputError(reason: "it is a directory, not a file")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InputError(
        reason: FileManager.default.fileExists(atPath: path)
          ? "permission denied" : "no such file")
    }
    defer { try? handle.close() }
    return try InputLimit.read(handle, limit: limit)
  }

  /// Why a file could not be read, as a sentence.
  struct InputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
  }
}
