import DecoderFuzz
import Foundation
import Synchronization

/// The fuzzer's progress on standard error: one line rewritten in place on a terminal, a
/// plain line every few seconds otherwise.
final class ProgressPrinter: Sendable {
  private let isTerminal: Bool
  private let lastPrinted = Mutex(-1.0)

  init(isTerminal: Bool) {
    self.isTerminal = isTerminal
  }

  func say(_ text: String) {
    StandardStream.error(text)
  }

  func update(_ progress: FuzzProgress) {
    let interval = isTerminal ? 0.25 : 5
    let due = lastPrinted.withLock { last in
      guard progress.elapsed - last >= interval else { return false }
      last = progress.elapsed
      return true
    }
    guard due else { return }
    let rate = progress.elapsed > 0 ? Double(progress.executions) / progress.elapsed : 0
    let line =
      "\(Int(progress.elapsed))s: \(progress.executions) execs, \(Int(rate)) execs/s, "
      + "\(progress.findings) findings, corpus \(progress.corpusSize)"
    say(isTerminal ? "\r\u{1B}[K\(line)" : "\(line)\n")
  }

  func finish() {
    if isTerminal { say("\n") }
  }
}
