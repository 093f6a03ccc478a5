import Synchronization

/// Whether `operation` finishes within `limit`: a failure guard for operations that would
/// otherwise hang a broken test. It returns as soon as the operation does; when the limit
/// passes first it returns false and leaves the operation running.
func completes(within limit: Duration, _ operation: @escaping @Sendable () async -> Void) async
  -> Bool
{
  await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
    let race = FirstFinisher(continuation)
    Task {
      await operation()
      race.finish(true)
    }
    Task {
      try? await Task.sleep(for: limit)
      race.finish(false)
    }
  }
}

/// Resumes a continuation with the first result it is given and ignores the others.
private final class FirstFinisher: Sendable {
  private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

  init(_ continuation: CheckedContinuation<Bool, Never>) {
    self.continuation = Mutex(continuation)
  }

  func finish(_ result: Bool) {
    continuation.withLock { $0.take() }?.resume(returning: result)
  }
}
