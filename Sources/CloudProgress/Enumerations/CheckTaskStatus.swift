/// The state of a CodeArts Check task (`task_status`).
///
/// Open: an undocumented value decodes as `unknown` and round-trips unchanged.
public enum CheckTaskStatus: OpenEnumeration {
  /// The code is being checked.
  case checking
  /// The check failed.
  case failed
  /// The check succeeded.
  case succeeded
  /// The check was stopped.
  case stopped
  /// An undocumented value, kept as it arrived.
  case unknown(WireScalar)

  /// The documented cases and their wire values.
  public static let documentedCases: [(value: Self, wireValue: WireScalar)] = [
    (.checking, 0),
    (.failed, 1),
    (.succeeded, 2),
    (.stopped, 3),
  ]

  /// The wire value of an `unknown` case.
  public var unknownWireValue: WireScalar? {
    if case .unknown(let wireValue) = self { wireValue } else { nil }
  }
}
