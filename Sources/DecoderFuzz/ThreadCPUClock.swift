import SystemInterface

/// The CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`): what an input costs the
/// thread that runs it, whatever else the machine runs. Time the thread spends waiting for
/// a core, asleep or blocked does not count, so a loaded machine does not make an input
/// look slow.
public enum ThreadCPUClock {
  /// Milliseconds of CPU time this thread has used since it started.
  @Sendable public static func milliseconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
  }
}
