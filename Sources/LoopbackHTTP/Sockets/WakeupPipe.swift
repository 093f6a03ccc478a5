import SystemInterface

/// A non-blocking pipe used to wake threads blocked in `poll(2)`: the read end becomes
/// readable when a byte is written to the write end.
///
/// The stop signal writes one byte and never reads it, so the pipe stays readable for every
/// thread that polls it from then on.
struct WakeupPipe: Sendable {
  /// The end to poll for readability.
  let readDescriptor: Int32
  /// The end `signal()` writes to.
  let writeDescriptor: Int32

  /// Opens a pipe; nil when the system refuses (out of descriptors).
  static func open() -> WakeupPipe? {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return nil }
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }
    return WakeupPipe(readDescriptor: descriptors[0], writeDescriptor: descriptors[1])
  }

  /// Makes the read end readable (a full pipe is already readable, so a failed write is
  /// harmless).
  func signal() {
    var byte: UInt8 = 1
    _ = write(writeDescriptor, &byte, 1)
  }

  /// Reads every pending byte, so the read end is no longer readable.
  func drain() {
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(readDescriptor, &bytes, bytes.count) > 0 {}
  }

  /// Closes both ends.
  func close() {
    _ = SystemInterface.close(readDescriptor)
    _ = SystemInterface.close(writeDescriptor)
  }
}
