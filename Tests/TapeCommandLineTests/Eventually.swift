import Foundation

/// Whether `condition` holds within `limit`, checked every few milliseconds: for waiting on
/// a file another process writes (a journal line), never to let a race settle.
func eventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
  let clock = ContinuousClock()
  let deadline = clock.now + limit
  while clock.now < deadline {
    if condition() { return true }
    try? await Task.sleep(for: .milliseconds(10))
  }
  return condition()
}
