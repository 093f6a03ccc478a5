import Foundation
import SystemInterface

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
    // Answers are written in one go before the worker waits for more input, not one write
    // per input: a write and a wake-up of the parent per input cost the campaign up to half
    // its speed on fast targets. When the worker dies, the answers it had not written are
    // lost with it; the parent then sends the unanswered inputs one at a time to learn
    // which one it died on (see ``WorkerExecutor``).
    var reader = FrameReader(descriptor: 0)
    var answers: [UInt8] = []
    func flush() {
      guard !answers.isEmpty else { return }
      writeAll(answers, to: 1)
      answers.removeAll(keepingCapacity: true)
    }
    while let input = reader.next(beforeWaiting: flush) {
      let outcome = TimedExecution.run(target, input, budgetMilliseconds: budgetMilliseconds)
      answers += WorkerWire.line(outcome).utf8
    }
    flush()
    return 0
  }

  /// Writes every byte, or ends the worker: the parent that reads it has gone.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    guard bytes.withUnsafeBytes({ SystemWrite.all($0, to: descriptor) }) else { exit(0) }
  }
}

/// Reads length-prefixed frames from a file descriptor.
private struct FrameReader {
  let descriptor: Int32
  var buffer: [UInt8] = []
  var start = 0
  /// What one read fills, made once.
  var chunk = [UInt8](repeating: 0, count: 65_536)

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The next frame; `beforeWaiting` runs before every read of the descriptor (which may
  /// wait for the parent).
  mutating func next(beforeWaiting: () -> Void) -> [UInt8]? {
    guard fill(4, beforeWaiting: beforeWaiting) else { return nil }
    let length =
      Int(buffer[start]) | Int(buffer[start + 1]) << 8 | Int(buffer[start + 2]) << 16
      | Int(buffer[start + 3]) << 24
    guard fill(4 + length, beforeWaiting: beforeWaiting) else { return nil }
    let frame = Array(buffer[(start + 4)..<(start + 4 + length)])
    start += 4 + length
    return frame
  }

  /// Makes `count` unread bytes available; false at the end of input.
  mutating func fill(_ count: Int, beforeWaiting: () -> Void) -> Bool {
    if start > 0, buffer.count - start < count {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    while buffer.count - start < count {
      beforeWaiting()
      let received = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if received < 0, errno == EINTR { continue }
      guard received > 0 else { return false }
      buffer += chunk[0..<received]
    }
    return true
  }
}
