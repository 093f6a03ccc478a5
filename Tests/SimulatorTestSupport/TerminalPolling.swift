import CloudProgress
import CloudSimulator

/// One API polled to one scripted end over three polls, and the phases the models must
/// read from its answers: the oracle the simulator's and the client's polling tests share.
public struct TerminalPolling: Sendable, CustomStringConvertible {
  /// The API polled.
  public var api: CloudAPI
  /// How the scripted task ends.
  public var outcome: TaskScript.Outcome
  /// The phase read at each poll.
  public var phases: [TaskProgress.Phase]

  /// `check stop`: the API and the end, naming each test case.
  public var description: String { "\(api) \(outcome)" }

  /// Every API to every end its documentation names.
  public static let everyEnd: [TerminalPolling] = [
    TerminalPolling(api: .cpts, outcome: .succeed, phases: [.running, .running, .succeeded]),
    TerminalPolling(api: .cpts, outcome: .fail, phases: [.running, .running, .failed]),
    TerminalPolling(
      api: .cpts, outcome: .partial, phases: [.running, .running, .partiallySucceeded]),
    TerminalPolling(api: .insight, outcome: .succeed, phases: [.queued, .running, .succeeded]),
    TerminalPolling(api: .insight, outcome: .fail, phases: [.queued, .running, .failed]),
    TerminalPolling(
      api: .insight, outcome: .partial, phases: [.queued, .running, .partiallySucceeded]),
    TerminalPolling(
      api: .quality, outcome: .succeed, phases: [.queued, .running, .running, .succeeded]),
    TerminalPolling(api: .quality, outcome: .fail, phases: [.queued, .running, .failed]),
    TerminalPolling(api: .quality, outcome: .timeOut, phases: [.queued, .running, .timedOut]),
    TerminalPolling(api: .drs, outcome: .succeed, phases: [.running, .running, .succeeded]),
    TerminalPolling(api: .drs, outcome: .fail, phases: [.running, .running, .failed]),
    TerminalPolling(api: .check, outcome: .succeed, phases: [.running, .running, .succeeded]),
    TerminalPolling(api: .check, outcome: .fail, phases: [.running, .running, .failed]),
    TerminalPolling(api: .check, outcome: .stop, phases: [.running, .running, .stopped]),
  ]
}
