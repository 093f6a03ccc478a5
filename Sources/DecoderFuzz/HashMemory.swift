import Synchronization

/// A bounded set of 64-bit hashes shared by the threads of a campaign: remembers what
/// already passed a costly check. When full it forgets everything and starts again, so
/// memory stays bounded and a forgotten hash only costs the check once more.
final class HashMemory: Sendable {
  private let hashes = Mutex(Set<UInt64>())
  private let capacity: Int

  /// A memory of at most `capacity` hashes.
  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Whether `hash` is remembered.
  func contains(_ hash: UInt64) -> Bool {
    hashes.withLock { $0.contains(hash) }
  }

  /// Remembers `hash`.
  func insert(_ hash: UInt64) {
    hashes.withLock { hashes in
      if hashes.count >= capacity { hashes.removeAll(keepingCapacity: true) }
      hashes.insert(hash)
    }
  }

  /// The 64-bit hash of a value, for values that are checked in this process only
  /// (`Hasher` is seeded per process).
  static func hash(of value: some Hashable) -> UInt64 {
    UInt64(bitPattern: Int64(value.hashValue))
  }
}
