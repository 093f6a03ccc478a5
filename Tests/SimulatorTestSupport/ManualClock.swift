import CloudProgressClient
import CloudSimulator
import Foundation
import Synchronization

/// A clock a test owns, shared by a client and a simulator: sleeping on it moves it at once
/// and records the wait, without real waiting; a cancelled client's sleep throws.
public final class ManualClock: Sendable {
  private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
  private let slept = Mutex<[Duration]>([])

  /// A clock at 2026-11-18, nothing slept yet.
  public init() {}

  /// The time now.
  public var now: Date { current.withLock { $0 } }
  /// Every wait slept on the clock, in order.
  public var sleeps: [Duration] { slept.withLock { $0 } }

  /// Moves the clock forward.
  public func advance(seconds: Double) {
    current.withLock { $0 = $0.addingTimeInterval(seconds) }
  }

  /// The clock as a client's.
  public var clientClock: ClientClock {
    ClientClock(
      now: { self.now },
      sleep: { duration in
        try Task.checkCancellation()
        self.sleep(duration)
      })
  }

  /// The clock as a simulator's (it sleeps only for slow faults).
  public var simulatorClock: SimulatorClock {
    SimulatorClock(now: { self.now }, sleep: { duration in self.sleep(duration) })
  }

  private func sleep(_ duration: Duration) {
    slept.withLock { $0.append(duration) }
    let (seconds, attoseconds) = duration.components
    advance(seconds: Double(seconds) + Double(attoseconds) / 1e18)
  }
}
