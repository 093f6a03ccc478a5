import CloudProgress
import CloudSimulator
import Foundation
import Tape

/// `tape simulate [--port N] [--scenario FILE]`: serves the five endpoints and IAM on
/// 127.0.0.1 until interrupted.
enum SimulateCommand {
  static let usage = """
    usage: tape simulate [--port <port>] [--scenario <file>]

    Serves a simulator of the five progress APIs and IAM on 127.0.0.1 until interrupted
    (Ctrl-C). Tasks progress as they are polled; docs/simulator.md gives the scenario format.

    options:
      --port <port>       the port to listen on; 0 (the default) picks a free one
      \(PortFile.help(column: 22))
      --scenario <file>   a JSON scenario; one task per API, succeeding on the third poll,
                          when absent
      -h, --help          print this text
      --version           print the version

    Ctrl-C (or SIGTERM) stops it within a second: requests in flight get half a second,
    then are closed (a slow fault); a second Ctrl-C stops it at once.

    The first line, on standard output, is "tape simulate listening on <url>"; the rest
    (the tasks, how to authenticate, a curl to try) goes to standard error.

    \(ExitStatus.help([
      .success: "stopped after Ctrl-C, SIGTERM or SIGHUP",
      .usage: "a usage error",
      .unusable:
        "the simulator could not start (the port is taken), or the scenario file cannot "
        + "be read or is invalid (nothing is started; the message names the file and the "
        + "JSON path, or line and column)",
    ]))
    """

  /// Starts the simulator, prints how to reach it, serves until `until` returns, stops.
  static func run(
    _ arguments: [String], readInput: (String) throws -> Data,
    print: @Sendable (String) -> Void, report: @Sendable (String) -> Void = StandardStream.error,
    until: @Sendable () async -> Void
  ) async -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments, valueOptions: ["--port", "--scenario", PortFile.option],
        flagOptions: ["--help", "-h"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.isEmpty else {
      return .usageError("unexpected argument '\(scanner.positionals[0])'", usage: usage)
    }
    let port: UInt16
    do {
      port = try scanner.port()
    } catch {
      return .usageError(error.message, usage: usage)
    }
    var scenario = SimulatorScenario.standard
    if let path = scanner.options["--scenario"] {
      do {
        scenario = try SimulatorScenario.decode(try readInput(path))
      } catch let error as ScenarioError {
        return .unusable("\(path) is not a valid scenario: \(error)")
      } catch {
        return .unusable("cannot read \(path): \(FileProblem.sentence(for: error))")
      }
    }
    let simulator: CloudSimulator
    do {
      simulator = try CloudSimulator.start(scenario: scenario, port: port)
    } catch {
      return .unusable("cannot start the simulator: \(error)")
    }
    let portFile = PortFile(scanner)
    if let problem = portFile.publish(simulator.baseURL) {
      _ = await stop(simulator, within: .milliseconds(500))
      return .unusable(problem)
    }
    print("tape simulate listening on \(simulator.baseURL.absoluteString)\n")
    report(banner(for: simulator))
    await until()
    let finished = await stop(simulator, within: .milliseconds(500))
    portFile.remove()
    return CommandOutcome(
      .success,
      errorOutput: finished
        ? "simulator stopped\n" : "simulator stopped (requests still in flight were closed)\n")
  }

  /// Stops `simulator`, waiting at most `grace` for requests in flight; false when some were
  /// still running (they end with the process).
  static func stop(_ simulator: CloudSimulator, within grace: Duration) async -> Bool {
    simulator.beginStop()
    // Unstructured: a request stuck in a slow fault must not hold this function.
    let (answers, answer) = AsyncStream.makeStream(of: Bool.self)
    Task {
      await simulator.stop()
      answer.yield(true)
    }
    Task {
      try? await Task.sleep(for: grace)
      answer.yield(false)
    }
    for await finished in answers { return finished }
    return false
  }

  private static func banner(for simulator: CloudSimulator) -> String {
    let scenario = simulator.scenario
    var lines = ["", "tasks:"]
    for task in scenario.tasks {
      let pace = task.seconds.map { "after \($0) s" } ?? "after \(task.polls) polls"
      lines.append("  \(task.api) \(task.id): \(task.outcome.rawValue) \(pace)")
    }
    if scenario.requiresAuthentication {
      let account = scenario.accounts.first.map { "\($0.user) / \($0.password)" } ?? "none"
      let key = scenario.accessKeys.first.map { "\($0.accessKey) / \($0.secretKey)" } ?? "none"
      lines += [
        "",
        "authentication: POST /v3/auth/tokens with \(account) (the token comes back in "
          + "X-Subject-Token), or sign with AK/SK \(key)",
      ]
    } else {
      lines += ["", "authentication: off"]
    }
    if let task = scenario.tasks.first(where: { $0.cloudAPI == .check }) {
      let base = simulator.baseURL.absoluteString
      lines += ["", "try:"]
      if scenario.requiresAuthentication, let account = scenario.accounts.first {
        let body =
          #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(account.user)","password":"\#(account.password)"}}}}}"#
        lines += [
          "  TOKEN=$(curl -si \(base)/v3/auth/tokens -H 'Content-Type: application/json' -d '\(body)' | awk 'tolower($1) == \"x-subject-token:\" { print $2 }' | tr -d '\\r')",
          "  curl -s \(base)/v2/tasks/\(task.id)/progress -H \"X-Auth-Token: $TOKEN\"",
        ]
      } else {
        lines.append("  curl -s \(base)/v2/tasks/\(task.id)/progress")
      }
    }
    lines += ["", "Ctrl-C stops it (a second Ctrl-C at once)."]
    return lines.joined(separator: "\n") + "\n"
  }
}
