import CloudProgress
import JSONTree
import Synchronization

/// What a model read from the progress parts of answers already checked, by the part's
/// hash, shared by the threads of a campaign: many inputs mutate only cosmetic fields, and
/// then have a progress part seen before.
///
/// A remembered part is kept whole, and a hit is taken only when the answer's progress part
/// is that very part (``ProgressFields/progressPart(of:equals:)``): the hash finds the entry,
/// it never decides the verdict. When full the memory forgets everything and starts again.
final class ProgressPartMemory: Sendable {
  /// One remembered part.
  struct Entry: Sendable {
    /// The progress part.
    let part: JSONValue
    /// What the model reads from it alone; nil when it rejects it.
    let progress: TaskProgress?
  }

  private let entries = Mutex([UInt64: Entry]())
  private let capacity: Int

  /// A memory of at most `capacity` parts.
  init(capacity: Int) {
    self.capacity = capacity
  }

  /// The entry remembered under `hash`, if any.
  func entry(for hash: UInt64) -> Entry? {
    entries.withLock { $0[hash] }
  }

  /// Remembers `entry` under `hash`.
  func remember(_ entry: Entry, for hash: UInt64) {
    entries.withLock { entries in
      if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
      entries[hash] = entry
    }
  }
}
