/// The toolchain the fuzzer was built with, recorded in every finding.
public enum Toolchain {
  /// For example `Swift 6.3.1, Linux x86_64`.
  public static var description: String {
    "Swift \(compilerVersion), \(operatingSystem) \(architecture)"
  }

  private static var compilerVersion: String {
    #if compiler(>=6.4)
      ">=6.4"
    #elseif compiler(>=6.3.2)
      "6.3.2"
    #elseif compiler(>=6.3.1)
      "6.3.1"
    #elseif compiler(>=6.3)
      "6.3"
    #elseif compiler(>=6.2.1)
      "6.2.1"
    #else
      "6.2"
    #endif
  }

  private static var operatingSystem: String {
    #if os(Linux)
      "Linux"
    #elseif os(macOS)
      "macOS"
    #else
      "unknown OS"
    #endif
  }

  private static var architecture: String {
    #if arch(x86_64)
      "x86_64"
    #elseif arch(arm64)
      "arm64"
    #else
      "unknown architecture"
    #endif
  }
}
