import CloudProgress
import Foundation
import PollingFuzz
import Synchronization

/// `tape poll-fuzz <api>`: serves generated polling sessions over HTTP on 127.0.0.1 to a
/// poller in any language, and judges each from the server's side.
enum PollFuzzCommand {
  static let usage = """
    usage: tape poll-fuzz <api> [--sessions <n>] [--seed <n>] [--port <p>] [--port-file <f>]
                          [--quiet <s>] [--deadline <s>] [--floor <s>] [--static-token]

    Serves <n> generated polling sessions of cpts, insight, quality, drs or check on
    127.0.0.1 (real time): a poller picks session k by polling the task id fuzz-<k> (the
    project id for cpts) on the operation's documented path, with --endpoint (or its SDK's
    endpoint override) set to the printed address. Each session is judged once its poller
    has no request in flight and has been quiet for --quiet seconds, against the oracles
    of the polling fuzzer that a server can see: polls after the end, Retry-After, backoff
    after 429 and 5xx, the floor between polls, refused requests retried, its deadline,
    stopping on an unknown status or a running task. Ends when every session was judged,
    or on Ctrl-C.

    options:
      --sessions <n>   how many sessions (default 5)
      --seed <n>       the generator's seed (default 1)
      --port <p>       the port (default: any free one)
      \(PortFile.help(column: 19))
      --quiet <s>      seconds of quiet (no request in flight) after which a session
                       is judged, or longer when its last answer asked a longer wait
                       (default 120: the longest wait a session asks for)
      --deadline <s>   the poller's own deadline, for the deadline oracle (default 900)
      --floor <s>      the least wait between polls (default 1)
      --static-token   the poller holds a fixed token, not a password: giving up on
                       an expired token (401) is then its right (by default it must
                       ask POST /v3/auth/tokens for a new one)
      -h, --help       print this text

    Standard output has the first line, "tape poll-fuzz listening on <url>", then one
    verdict line per session as it is judged; the rest and the summary (each failed session
    in full) go to standard error.

    \(ExitStatus.help([
      .success: "every session was polled and passed",
      .negative: "a session failed an oracle or was never polled (they are listed)",
      .usage: "a usage error",
      .unusable: "the port cannot be listened on",
    ]))
    """

  /// Serves until every session was judged or `until` returns.
  static func run(
    _ arguments: [String], print: @escaping @Sendable (String) -> Void,
    report: @escaping @Sendable (String) -> Void = StandardStream.error,
    until: @escaping @Sendable () async -> Void
  ) async -> CommandOutcome {
    let scanner: ArgumentScanner
    do {
      scanner = try ArgumentScanner(
        arguments,
        valueOptions: [
          "--sessions", "--seed", "--port", "--quiet", "--deadline", "--floor", PortFile.option,
        ],
        flagOptions: ["--help", "-h", "--static-token"])
    } catch {
      return .usageError(error.message, usage: usage)
    }
    if !scanner.flags.isDisjoint(with: ["--help", "-h"]) { return .success(usage) }
    guard scanner.positionals.count == 1, let api = CloudAPI(rawValue: scanner.positionals[0])
    else {
      return .usageError("name one API: cpts, insight, quality, drs or check", usage: usage)
    }
    // Each number is checked alone, so the message names the one that is wrong; a count
    // or a duration too large for the fuzzer is wrong too (Int(Double) would trap).
    func number(
      _ name: String, _ fallback: Double, atLeast least: Double = 0, atMost limit: Double
    ) throws(UsageProblem) -> Double {
      guard let text = scanner.options[name] else { return fallback }
      guard let value = Double(text), value.isFinite, value >= least, value <= limit else {
        throw UsageProblem(
          message: "\(name) takes a number from \(Int(least)) to \(Int(limit)), not \(text)")
      }
      return value
    }
    func duration(_ name: String, _ fallback: Double) throws(UsageProblem) -> Duration {
      // Up to 100 years, in milliseconds: far from Int's end.
      .milliseconds(Int(try number(name, fallback, atMost: 3_153_600_000) * 1000))
    }
    let sessions: Int
    let seed: UInt64
    let quiet: Duration
    let deadline: Duration
    let floor: Duration
    do throws(UsageProblem) {
      sessions = Int(try number("--sessions", 5, atLeast: 1, atMost: 1_000_000))
      guard let parsed = scanner.options["--seed"].map({ UInt64($0) }) ?? 1 else {
        throw UsageProblem(
          message: "--seed takes a whole number from 0 to \(UInt64.max), not "
            + (scanner.options["--seed"] ?? ""))
      }
      seed = parsed
      quiet = try duration("--quiet", SessionServer.defaultQuiet / .seconds(1))
      deadline = try duration("--deadline", 900)
      floor = try duration("--floor", 1)
    } catch {
      return .usageError(error.message, usage: usage)
    }
    let port: UInt16
    do {
      port = try scanner.port()
    } catch {
      return .usageError(error.message, usage: usage)
    }
    let generator = SessionGenerator(api: api, seed: seed)
    let finished = Finish()
    let server: SessionServer
    do {
      server = try SessionServer.start(
        sessions: (0..<sessions).map(generator.session),
        expectations: Expectations(
          floor: floor, deadline: deadline,
          renewsExpiredToken: !scanner.flags.contains("--static-token")), port: port,
        quietAfter: quiet, onVerdict: { verdict in print(line(verdict)) })
    } catch {
      return .unusable("cannot listen on 127.0.0.1:\(port): \(error)")
    }
    let portFile = PortFile(scanner)
    if let problem = portFile.publish(server.baseURL) {
      _ = await server.stop()
      return .unusable(problem)
    }
    defer { portFile.remove() }
    print("tape poll-fuzz listening on \(server.baseURL.absoluteString)\n")
    report(
      "serving \(sessions) \(api) sessions (seed \(seed)): poll the task ids fuzz-0 ... "
        + "fuzz-\(sessions - 1)\n\n")
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      finished.set(continuation)
      Task {
        await until()
        finished.resume()
      }
      Task {
        // Until every session was judged, or the command ended otherwise.
        while server.judged.count < sessions, !finished.isDone {
          try? await Task.sleep(for: .milliseconds(200))
        }
        finished.resume()
      }
    }
    let verdicts = await server.stop()
    let failed = verdicts.filter { !$0.passed }
    let neverPolled = server.neverPolled
    var summary =
      "\n\(verdicts.count) of \(sessions) sessions polled, \(failed.count) failed an oracle\n"
    if !neverPolled.isEmpty {
      summary +=
        "never polled, so never judged: "
        + neverPolled.prefix(20).map(SessionServer.taskID).joined(separator: ", ")
        + (neverPolled.count > 20 ? " and \(neverPolled.count - 20) more" : "") + "\n"
    }
    for verdict in failed { summary += "\n\(verdict)\n" }
    // Passing means every session was polled and held every oracle.
    let passed = failed.isEmpty && neverPolled.isEmpty
    return CommandOutcome(passed ? .success : .negative, errorOutput: summary)
  }

  /// `fuzz-3: ✓ 12 polls, finished: succeeded` or `fuzz-3: ✗ tooFast at #2: ...`.
  static func line(_ verdict: Verdict) -> String {
    let head = "session #\(verdict.session.index): "
    guard let violation = verdict.violations.first else {
      return head + "✓ \(verdict.polls) polls, \(verdict.conclusion?.description ?? "-")\n"
    }
    return head + "✗ \(violation)"
      + (verdict.violations.count > 1 ? " (+\(verdict.violations.count - 1) more)" : "") + "\n"
  }
}

/// The end of serving: the first of Ctrl-C and the last verdict resumes it.
private final class Finish: Sendable {
  private let continuation = Mutex<CheckedContinuation<Void, Never>?>(nil)
  private let done = Mutex(false)

  func set(_ continuation: CheckedContinuation<Void, Never>) {
    self.continuation.withLock { $0 = continuation }
  }

  func resume() {
    done.withLock { $0 = true }
    continuation.withLock { $0.take() }?.resume()
  }

  var isDone: Bool { done.withLock { $0 } }
}

/// A usage error, by the option it names.
private struct UsageProblem: Error {
  var message: String
}
