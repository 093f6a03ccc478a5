import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The worker side of crash isolation: reads framed inputs on standard input, runs each
/// through one target in process, and answers one line per input on standard output (see
/// ``WorkerWire``). A trap kills only this process; the parent restarts it.
public enum FuzzWorker {
  /// Serves `arguments` (`--target NAME [--budget-ms N]`) until standard input ends;
  /// returns the exit status.
  public static func serve(arguments: [String], targets: [FuzzTarget]) -> Int32 {
    var targetName: String?
    var budgetMilliseconds = 250.0
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--target": targetName = remaining.popFirst()
      case "--budget-ms": budgetMilliseconds = remaining.popFirst().flatMap(Double.init) ?? -1
      default:
        FileHandle.standardError.write(Data("fuzz-worker: unknown argument \(argument)\n".utf8))
        return 2
      }
    }
    guard let targetName, let target = FuzzTargetRegistry.target(named: targetName, in: targets),
      budgetMilliseconds > 0
    else {
      FileHandle.standardError.write(
        Data("fuzz-worker: needs --target <name> of a known target and a positive budget\n".utf8))
      return 2
    }
    var reader = FrameReader(descriptor: 0)
    while let input = reader.next() {
      let outcome = TimedExecution.run(target, input, budgetMilliseconds: budgetMilliseconds)
      writeAll(Array(WorkerWire.line(outcome).utf8), to: 1)
    }
    return 0
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        exit(0)
      }
      offset += written
    }
  }
}

/// Reads length-prefixed frames from a file descriptor.
private struct FrameReader {
  let descriptor: Int32
  var buffer: [UInt8] = []
  var start = 0

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  mutating func next() -> [UInt8]? {
    guard fill(4) else { return nil }
    let length =
      Int(buffer[start]) | Int(buffer[start + 1]) << 8 | Int(buffer[start + 2]) << 16
      | Int(buffer[start + 3]) << 24
    guard fill(4 + length) else { return nil }
    let frame = Array(buffer[(start + 4)..<(start + 4 + length)])
    start += 4 + length
    return frame
  }

  /// Makes `count` unread bytes available; false at the end of input.
  mutating func fill(_ count: Int) -> Bool {
    if start > 0, buffer.count - start < count {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while buffer.count - start < count {
      let received = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if received < 0, errno == EINTR { continue }
      guard received > 0 else { return false }
      buffer += chunk[0..<received]
    }
    return true
  }
}
