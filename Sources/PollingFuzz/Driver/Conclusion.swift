import CloudProgress

/// What a poller concluded about its task: the task finished in a phase, or the poller gave
/// up (its deadline, an error it will not retry). A poller closure that throws gave up with
/// that error.
public enum Conclusion: Hashable, Sendable, CustomStringConvertible {
  /// The task finished: the phase the poller believes it ended in.
  case finished(TaskProgress.Phase)
  /// The poller stopped without a result, and why.
  case gaveUp(String)

  /// The task succeeded.
  public static let succeeded = Conclusion.finished(.succeeded)
  /// The task failed.
  public static let failed = Conclusion.finished(.failed)

  /// `finished: succeeded`, `gave up: deadline of 900 s passed`.
  public var description: String {
    switch self {
    case .finished(let phase): "finished: \(phase.rawValue)"
    case .gaveUp(let reason): "gave up: \(reason)"
    }
  }
}
