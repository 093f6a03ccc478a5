import Foundation

/// Whether `condition` holds within `limit`, checked every few milliseconds: for waiting on
/// a file another process writes (a journal line), never to let a race settle. The limit
/// only ends a wait that would never end: it returns as soon as the condition holds, and a
/// machine loaded by a full parallel run has been seen to take over 30 s.
func eventually(within limit: Duration = .seconds(120), _ condition: () -> Bool) async -> Bool {
  let clock = ContinuousClock()
  let deadline = clock.now + limit
  while clock.now < deadline {
    if condition() { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return condition()
}
