/// What a process can learn about itself and its children, where Linux answers from
/// `/proc` or calls the others lack.
package enum SystemProcess {
  /// This program's absolute path, from `/proc/self/exe`; nil where there is no `/proc`
  /// (Darwin), for the caller to fall back to `argv[0]`.
  package static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [CChar](repeating: 0, count: 4096)
      let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
      guard length > 0 else { return nil }
      return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
      return nil
    #endif
  }

  /// The CPU time child `process` has used, in milliseconds (`clock_getcpuclockid`); nil
  /// when it cannot be read, and always on Darwin, which lacks the call.
  package static func cpuMilliseconds(of process: pid_t) -> Double? {
    #if os(Linux)
      var clock = clockid_t()
      guard clock_getcpuclockid(process, &clock) == 0 else { return nil }
      var time = timespec()
      guard clock_gettime(clock, &time) == 0 else { return nil }
      return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    #else
      return nil
    #endif
  }

  /// Whether `process` is running or waiting for a core (`R` in `/proc/<pid>/stat`), not
  /// asleep or blocked; false when it cannot be told, and always on Darwin (no `/proc`).
  package static func isRunnable(_ process: pid_t) -> Bool {
    #if os(Linux)
      let descriptor = open("/proc/\(process)/stat", O_RDONLY)
      guard descriptor >= 0 else { return false }
      defer { close(descriptor) }
      var buffer = [UInt8](repeating: 0, count: 512)
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return false }
      // `pid (comm) S ...`: the state follows the last ')'.
      guard let close = buffer[0..<count].lastIndex(of: UInt8(ascii: ")")), close + 2 < count
      else { return false }
      return buffer[close + 2] == UInt8(ascii: "R")
    #else
      return false
    #endif
  }

  /// `RUSAGE_SELF` as `getrusage(2)` takes it (Glibc imports it as an enum).
  package static let resourceUsageOfSelf: Int32 = {
    #if canImport(Glibc)
      RUSAGE_SELF.rawValue
    #else
      RUSAGE_SELF
    #endif
  }()
}
