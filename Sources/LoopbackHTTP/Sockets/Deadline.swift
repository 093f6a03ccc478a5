/// A point in monotonic time by which a wait must end.
struct Deadline {
  /// The instant itself.
  let instant: ContinuousClock.Instant

  /// The deadline `duration` from now.
  static func after(_ duration: Duration) -> Deadline {
    Deadline(instant: .now.advanced(by: duration))
  }

  /// The time left as a `poll(2)` timeout: milliseconds rounded up, 0 once passed.
  var remainingMilliseconds: Int32 {
    let remaining = ContinuousClock.now.duration(to: instant)
    guard remaining > .zero else { return 0 }
    let (seconds, attoseconds) = remaining.components
    let milliseconds = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }

  /// Whether the deadline has passed.
  var hasPassed: Bool { ContinuousClock.now >= instant }
}
