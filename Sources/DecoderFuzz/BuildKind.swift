/// Which build of the fuzzer runs: a debug build (`swift run`, `swift test`) runs the same
/// input several times slower than a release build (`swift run -c release`), so a time
/// budget stated for a release build is scaled for a debug one.
public enum BuildKind: String, Hashable, Sendable, CaseIterable {
  /// Built without optimization (`-c debug`, the default of `swift run` and `swift test`).
  case debug
  /// Built with optimization (`-c release`).
  case release

  /// The build this code was compiled in.
  public static var current: BuildKind {
    #if DEBUG
      .debug
    #else
      .release
    #endif
  }

  /// How many times the release budget this build allows an input: the cost of a fuzz
  /// execution in a debug build over that in a release build, rounded up. Measured with
  /// `fuzz-bench --profile <target>` built both ways: 7.5x to 10.9x over five targets
  /// (see Benchmarks/README.md).
  public var budgetScale: Double {
    switch self {
    case .debug: 12
    case .release: 1
    }
  }
}
