/// The bytes received on a connection and not yet consumed by the parser.
///
/// Consumed bytes are dropped lazily: the storage is compacted when the consumed prefix is
/// at least as large as what remains, so consuming is O(1) and each byte moves at most a few
/// times.
struct ReceiveBuffer {
  private var storage: [UInt8] = []
  private var start = 0

  /// The number of unconsumed bytes.
  var count: Int { storage.count - start }

  /// Whether every received byte has been consumed.
  var isEmpty: Bool { start == storage.count }

  /// Runs `body` over the unconsumed bytes.
  func withUnsafeBytes<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try storage.withUnsafeBufferPointer { (all) throws(Failure) -> Result in
      try body(UnsafeBufferPointer(rebasing: all[start...]))
    }
  }

  /// The unconsumed byte at `offset`.
  subscript(offset: Int) -> UInt8 { storage[start + offset] }

  /// The first `count` unconsumed bytes (a view: copy it before consuming).
  func prefix(_ count: Int) -> ArraySlice<UInt8> {
    storage[start..<start + count]
  }

  /// Appends received bytes.
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    if start > 0 && start >= storage.count - start {
      storage.removeSubrange(..<start)
      start = 0
    }
    storage.append(contentsOf: bytes)
  }

  /// Drops the first `count` unconsumed bytes.
  mutating func consume(_ count: Int) {
    start += count
    if start == storage.count {
      storage.removeAll(keepingCapacity: storage.capacity <= 256 * 1024)
      start = 0
    }
  }
}
