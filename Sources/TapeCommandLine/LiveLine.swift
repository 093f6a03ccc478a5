import CloudProgressClient
import Foundation
import Synchronization

/// The status line `tape poll` rewrites in place on a terminal: the latest snapshot, and a
/// countdown to the next poll that ticks while the client waits.
final class LiveLine: Sendable {
  private let snapshot = Mutex("")
  private let print: @Sendable (String) -> Void

  /// A line written through `print`.
  init(print: @escaping @Sendable (String) -> Void) {
    self.print = print
  }

  /// Shows a snapshot line, with the wait before the next poll when there is one.
  func show(_ line: String, nextPollIn: Duration?) {
    snapshot.withLock { $0 = line }
    draw(line, nextPollIn)
  }

  /// The system's clock, whose waits redraw the countdown every `tick`.
  func clock(tick: Duration = .milliseconds(500)) -> ClientClock {
    ClientClock(
      now: { Date() },
      sleep: { duration in
        var remaining = duration
        while remaining > .zero {
          let step = min(tick, remaining)
          try await Task.sleep(for: step)
          remaining -= step
          self.draw(self.snapshot.withLock { $0 }, remaining)
        }
      })
  }

  private func draw(_ line: String, _ nextPollIn: Duration?) {
    var text = "\r\u{1B}[2K" + line
    if let nextPollIn { text += " (\(Self.describe(nextPollIn)))" }
    print(text)
  }

  /// The wait before the next poll, as the line shows it: "next poll in 2.4s", "next poll
  /// in 250ms" under a second, and "polling" once the wait is over (the request is out).
  static func describe(_ wait: Duration) -> String {
    let (seconds, attoseconds) = wait.components
    let value = Double(seconds) + Double(attoseconds) / 1e18
    if value <= 0 { return "polling" }
    if value < 1 { return "next poll in \(max(1, Int((value * 1000).rounded(.up))))ms" }
    return "next poll in \(value.formatted(.number.precision(.fractionLength(1))))s"
  }
}
