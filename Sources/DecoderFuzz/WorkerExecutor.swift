import SystemInterface

/// Runs inputs in a worker child process, so that a trap is a finding instead of the end of
/// the fuzzer: the input in flight when the worker died is the crasher, the inputs after it
/// go to a fresh worker, and none is lost. A spare worker is kept started, so a restart
/// costs a pipe swap rather than a process launch.
public final class WorkerExecutor: FuzzExecutor {
  /// The target.
  public let target: FuzzTarget
  /// The worker program and the arguments before `--target`, such as
  /// `["/path/to/tape", "fuzz-worker"]`.
  public let command: [String]
  /// Inputs slower than this are `slow` findings (measured in the worker).
  public let budgetMilliseconds: Double
  /// A worker silent for this long is killed, and its input is a `hang` finding.
  public let silenceLimitMilliseconds: Int32
  /// How many workers were started after a crash or a hang.
  public private(set) var restarts = 0

  private var worker: WorkerProcess?
  private var spare: WorkerProcess?

  /// Creates an executor; workers start on first use. The silence limit is by default 5 s,
  /// or four times the budget this build allows (a slow input runs twice before its answer)
  /// when that is longer.
  public init(
    target: FuzzTarget, command: [String], budgetMilliseconds: Double = 250,
    silenceLimitMilliseconds: Int32? = nil
  ) {
    self.target = target
    self.command = command
    self.budgetMilliseconds = budgetMilliseconds
    self.silenceLimitMilliseconds =
      silenceLimitMilliseconds
      ?? Int32(min(3_600_000, max(5_000, 4 * budgetMilliseconds * BuildKind.current.budgetScale)))
    signal(SIGPIPE, SIG_IGN)
  }

  /// Runs the inputs, restarting the worker as often as it dies.
  ///
  /// The worker writes its answers before it waits for more input, so when it dies in a
  /// batch the answers since its last write are lost with it, and the first unanswered
  /// input need not be the one it died on. The unanswered inputs are then sent one at a
  /// time to a fresh worker: the one it dies on (or hangs on) again is the finding, and the
  /// inputs after it go back to batches. A death that no input repeats on its own is no
  /// finding (a finding must replay on its own).
  public func run(_ inputs: [[UInt8]]) -> [ExecutionOutcome] {
    var outcomes: [ExecutionOutcome] = []
    var pending = inputs[...]
    var alone = 0  // how many of the pending inputs go one at a time
    while !pending.isEmpty {
      let current: WorkerProcess
      do {
        current = try startedWorker()
      } catch {
        return outcomes
          + pending.map { _ in .finding(FindingReport(.trap, detail: "worker: \(error)")) }
      }
      let sent = alone > 0 ? pending.prefix(1) : pending
      let exchange = current.exchange(sent, silenceLimit: silenceLimitMilliseconds)
      outcomes += exchange.outcomes
      pending = pending.dropFirst(exchange.outcomes.count)
      alone = max(0, alone - exchange.outcomes.count)
      guard let termination = exchange.termination else { continue }
      worker = nil
      restarts += 1
      let unanswered = sent.count - exchange.outcomes.count
      guard unanswered > 0 else { continue }
      if unanswered > 1 {
        alone = unanswered
        continue
      }
      pending = pending.dropFirst()
      alone = 0
      outcomes.append(.finding(report(termination, hung: exchange.hung, worker: current)))
    }
    return outcomes
  }

  private func startedWorker() throws(WorkerSpawnError) -> WorkerProcess {
    if let worker { return worker }
    let arguments =
      Array(command.dropFirst()) + [
        "--target", target.name, "--budget-ms", String(budgetMilliseconds),
      ]
    let started: WorkerProcess
    if let spare {
      started = spare
    } else {
      started = try WorkerProcess(executable: command[0], arguments: arguments)
    }
    spare = try? WorkerProcess(executable: command[0], arguments: arguments)
    worker = started
    return started
  }

  private func report(_ termination: WorkerProcess.Termination, hung: Bool, worker: WorkerProcess)
    -> FindingReport
  {
    if hung {
      return FindingReport(
        .hang, detail: "no answer within \(silenceLimitMilliseconds) ms; worker killed")
    }
    let lines = String(decoding: worker.errorTail, as: UTF8.self).split(separator: "\n")
    let message =
      (lines.first { $0.contains("Fatal error") } ?? lines.first).map { ": \($0)" } ?? ""
    switch termination {
    case .signal(let number):
      return FindingReport(.trap, detail: "signal \(number) (\(signalName(number)))\(message)")
    case .exit(let status):
      return FindingReport(.trap, detail: "worker exited with status \(status)\(message)")
    }
  }

  private func signalName(_ number: Int32) -> String {
    switch number {
    case SIGILL: "SIGILL"
    case SIGTRAP: "SIGTRAP"
    case SIGABRT: "SIGABRT"
    case SIGSEGV: "SIGSEGV"
    case SIGBUS: "SIGBUS"
    case SIGFPE: "SIGFPE"
    case SIGKILL: "SIGKILL"
    default: "signal"
    }
  }
}
