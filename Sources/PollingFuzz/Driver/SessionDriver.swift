import CloudProgressClient
import Foundation
import Synchronization
import Tape

/// A poller under test: polls `context.task` through `context.transport`, waiting on
/// `context.clock`, and says what it concluded. Throwing is giving up with that error.
public typealias Poller = @Sendable (PollContext) async throws -> Conclusion

/// Runs one session: the poller on its own virtual clock, to a conclusion or a hang.
enum SessionDriver {
  /// The date every session starts at: 2026-11-19 00:00:00 UTC.
  static let startDate = Date(timeIntervalSince1970: 1_795_046_400)

  private enum End: Sendable {
    case concluded(Conclusion, Duration)
    case hung
  }

  /// Resumes a continuation once, whoever comes first.
  private final class Once: Sendable {
    let continuation: Mutex<CheckedContinuation<End, Never>?>
    init(_ continuation: CheckedContinuation<End, Never>) {
      self.continuation = Mutex(continuation)
    }
    func resume(_ end: End) {
      continuation.withLock { $0.take() }?.resume(returning: end)
    }
    var isDone: Bool { continuation.withLock { $0 == nil } }
  }

  /// How the poller ended, once it concluded.
  private final class Concluded: Sendable {
    private let value = Mutex<End?>(nil)
    func set(_ end: End) { value.withLock { $0 = end } }
    var end: End? { value.withLock { $0 } }
  }

  /// Runs `session` against `poller` and judges it; with a `recorder`, every exchange that
  /// got an answer is recorded through it (on the session's virtual time).
  static func run(
    _ session: PollingSession, expectations: Expectations, recorder: CassetteRecorder? = nil,
    clock: VirtualClock = VirtualClock(), poller: @escaping Poller
  ) async -> Verdict {
    let log = ExchangeLog(expectations: expectations)
    let transport = SessionTransport(
      session: session, clock: clock, startDate: startDate, log: log)
    let context = PollContext(
      session: session,
      transport: recorder.map { RecordingTransport(upstream: transport, recorder: $0) }
        ?? transport, clock: clock, startDate: startDate, log: log)
    return await judge(context, log: log, expectations: expectations, poller: poller)
  }

  /// Runs the poller of `context` to its end and judges the exchanges `log` kept.
  static func judge(
    _ context: PollContext, log: ExchangeLog, expectations: Expectations, poller: @escaping Poller
  ) async -> Verdict {
    let end = await drive(context, log: log, poller: poller)
    var conclusion: Conclusion?
    var concludedAt: Duration?
    if case .concluded(let found, let time) = end {
      conclusion = found
      concludedAt = time
    }
    let exchanges = log.exchanges
    return Verdict(
      session: context.session, conclusion: conclusion, concludedAt: concludedAt,
      cutShort: log.cutShort, exchanges: exchanges,
      violations: Judge.violations(
        exchanges: exchanges, conclusion: conclusion, concludedAt: concludedAt, hang: log.hang,
        reports: log.reports, expectations: expectations))
  }

  /// Runs the poller in the clock's scope, in a task of its own (so that a hung poller,
  /// parked for good in the transport, does not hold the caller), until it concludes or
  /// the session hangs; a poller that concludes is then watched up to the session's virtual
  /// limit, so a poll it left running in the background is seen (and judged). Work it left
  /// on the session's executor (`Task(executorPreference: context.clock.scopeTaskExecutor)`)
  /// runs on the session's time to the end; a plain `Task` runs on the global pool, which
  /// the clock cannot wait for: it is seen when it polls before the clock reaches the limit.
  private static func drive(_ context: PollContext, log: ExchangeLog, poller: @escaping Poller)
    async -> End
  {
    let clock = context.clock
    let concluded = Concluded()
    return await clock.run {
      await withCheckedContinuation { (continuation: CheckedContinuation<End, Never>) in
        let once = Once(continuation)
        let poll = Task(executorPreference: clock.scopeTaskExecutor) {
          let conclusion: Conclusion
          do {
            conclusion = try await poller(context)
          } catch let error as ProgressClientError {
            conclusion = .gaveUp(error.description)
          } catch {
            conclusion = .gaveUp(String(describing: error))
          }
          let time = clock.elapsed
          log.concluded(at: time)
          concluded.set(.concluded(conclusion, time))
        }
        // A hung poller is cancelled: its next wait on the clock throws. A session that
        // ends after the poller concluded (polls left running) ends with its conclusion.
        log.onEnd {
          poll.cancel()
          once.resume(concluded.end ?? .hung)
        }
        // At the session's limit: a poller asleep there will never poll again (a hang);
        // one that concluded had all that time to show a poll it left running.
        Task(executorPreference: clock.scopeTaskExecutor) {
          try? await clock.sleep(until: .init(offset: log.hangAfter))
          if let end = concluded.end {
            once.resume(end)
          } else if !once.isDone {
            log.declareHang("asleep past the session's virtual limit of \(format(log.hangAfter))")
          }
        }
      }
    }
  }
}
