/// The state of a DataArts Quality import or export task (`status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum QualityTaskStatus: OpenEnumeration {
  /// The task waits to be executed.
  case waiting
  /// The task is being executed.
  case running
  /// The task timed out.
  case timedOut
  /// The task failed; see `error_msg`.
  case failed
  /// The task succeeded.
  case succeeded
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.waiting, "WAITING"),
    (.running, "RUNNING"),
    (.timedOut, "TIMEOUT"),
    (.failed, "FAILED"),
    (.succeeded, "SUCCESS"),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
