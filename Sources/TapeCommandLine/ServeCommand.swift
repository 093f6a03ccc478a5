import Foundation
import Tape
import TapeServer

/// `tape serve <cassette...>`: replays cassettes over HTTP on 127.0.0.1 until interrupted.
enum ServeCommand {
  static let usage = """
    usage: tape serve <cassette>... [--port <port>] [--exhaustion repeatLast|fail|cycle]
                      [--match-header <name>[,<name>...]] [--tenant <name>=<value>]...

    Serves recorded cassettes on 127.0.0.1 until interrupted (Ctrl-C), with the same
    player as the Swift tests: identical requests get the recorded polling sequence in
    order, then what --exhaustion says. Point any client at the printed URL (the official
    SDKs with an endpoint override, curl, a CI step). Requests are matched by method, path,
    query and JSON body; the host is not matched, since requests arrive at this address.

    A request that matches nothing gets a 404 whose JSON body holds the near-miss report
    ("report"), which is also printed. On exit it lists the interactions never requested.

    options:
      --port <port>           the port to listen on; 0 (the default) picks a free one
      \(PortFile.help(column: 26))
      --exhaustion <policy>   once a sequence is used up: repeatLast (the default), fail
                              (answer 404 with the report) or cycle (start over)
      --match-header <names>  also match these request headers (comma-separated)
      --tenant <name>=<value> for a cassette recorded with tenant identifiers scrubbed:
                              answer with <value> where it holds tenant-<name>-scrubbed,
                              and match requests carrying <value> as if they carried the
                              placeholder (so a client keeps its real project id).
                              Repeatable: --tenant project_id=<id> --tenant domain_id=<id>
    \(RedactionArgument.help(width: 24, note: "(live requests are redacted by them before matching, as the cassette was when it was recorded). Each repeatable."))
      -h, --help              print this text

    The first line, on standard output, is "tape serve listening on <url>"; the rest, the
    near-miss reports and the summary go to standard error.

    \(ExitStatus.help([
      .success: "stopped, and every request was answered",
      .negative: "stopped, and some request matched nothing",
      .usage: "a usage error",
      .unusable: "a cassette cannot be read, or the port cannot be listened on",
    ]))
    """

  /// Loads the cassettes, serves them until `until` returns, prints what went unused.
  static func run(
    _ arguments: [String], print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: @Sendable () async -> Void
  ) async -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--port", "--exhaustion", "--match-header", PortFile.option],
        flagOptions: ["--help", "-h"],
        repeatableOptions: RedactionArgument.names.union([TenantArgument.option]))
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard !scanner.positionals.isEmpty else {
      return .usageError("name at least one cassette file", usage: usage)
    }
    let port: UInt16
    let tenants: [TenantIdentifier]
    let redactor: Redactor
    do {
      port = try scanner.port()
      tenants = try TenantArgument.identifiers(in: scanner)
      redactor = try RedactionArgument.redactor(.huaweiCloud, in: scanner)
    } catch {
      return .usageError(error.message, usage: usage)
    }
    var exhaustion = ExhaustionPolicy.repeatLast
    if let text = scanner.options["--exhaustion"] {
      guard let policy = ExhaustionPolicy(rawValue: text) else {
        let known = ExhaustionPolicy.allCases.map(\.rawValue).joined(separator: ", ")
        return .usageError("--exhaustion must be one of \(known), got '\(text)'", usage: usage)
      }
      exhaustion = policy
    }
    var matchers: [RequestMatcher] = [.method, .path, .query, .body]
    if let names = scanner.options["--match-header"] {
      let list = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard !list.isEmpty, list.allSatisfy({ !$0.isEmpty }) else {
        return .usageError("--match-header needs header names, got '\(names)'", usage: usage)
      }
      matchers.append(.headers(list))
    }
    let player: CassettePlayer
    do {
      player = try loadPlayer(
        scanner.positionals,
        configuration: ReplayConfiguration(
          matchers: matchers, exhaustion: exhaustion, tenantIdentifiers: tenants,
          redactor: redactor))
    } catch {
      return .unusable(error.description)
    }
    let server: CassetteServer
    do {
      server = try CassetteServer.start(player: player, port: port) { text in report(text) }
    } catch {
      return .unusable("cannot listen on 127.0.0.1:\(port): \(error)")
    }
    let portFile = PortFile(scanner)
    if let problem = portFile.publish(server.baseURL) {
      await server.stop()
      return .unusable(problem)
    }
    print("tape serve listening on \(server.baseURL.absoluteString)\n")
    report(banner(server, files: scanner.positionals))
    await until()
    await server.stop()
    portFile.remove()
    return summary(server)
  }

  /// One player over the cassettes' interactions, in the order given.
  static func loadPlayer(_ paths: [String], configuration: ReplayConfiguration)
    throws(CassetteError) -> CassettePlayer
  {
    var cassettes: [Cassette] = []
    for path in paths {
      cassettes.append(try CassetteFile.load(from: URL(fileURLWithPath: path)))
    }
    guard cassettes.count > 1 else {
      return try CassettePlayer(
        cassette: cassettes[0], source: paths[0], configuration: configuration)
    }
    var merged = cassettes[0]
    merged.interactions = cassettes.flatMap(\.interactions)
    return try CassettePlayer(
      cassette: merged, source: paths.joined(separator: " + "), configuration: configuration)
  }

  private static func banner(_ server: CassetteServer, files: [String]) -> String {
    let count = server.player.cassette.interactions.count
    var lines = [""]
    lines.append(
      "\(count) interaction\(count == 1 ? "" : "s") from \(files.joined(separator: ", "))")
    if let first = server.player.cassette.interactions.first,
      let url = URL(string: server.player.configuration.redactor.redact(url: first.request.url))
    {
      var target = url.path.isEmpty ? "/" : url.path
      if let query = url.query { target += "?\(query)" }
      lines += ["", "try: curl -s '\(server.baseURL.absoluteString)\(target)'"]
    }
    lines += ["", "Ctrl-C stops it."]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func summary(_ server: CassetteServer) -> CommandOutcome {
    let counts = server.requestCounts
    let interactions = server.player.cassette.interactions
    let unused = server.player.unusedInteractions
    let total = counts.served + counts.unmatched
    var lines = [
      "\(total) request\(total == 1 ? "" : "s"): \(counts.served) answered from the "
        + "cassette, \(counts.unmatched) matched nothing (answered 404)"
    ]
    if unused.isEmpty {
      lines.append("every interaction was requested")
    } else {
      lines.append("\(unused.count) of \(interactions.count) interactions were never requested:")
      for index in unused.prefix(20) {
        let request = interactions[index].request
        let url = server.player.configuration.redactor.redact(url: request.url)
        lines.append("  #\(index) \(request.method) \(url)")
      }
      if unused.count > 20 { lines.append("  ... and \(unused.count - 20) more") }
    }
    let text = lines.joined(separator: "\n") + "\n"
    return CommandOutcome(counts.unmatched > 0 ? .negative : .success, errorOutput: text)
  }
}
