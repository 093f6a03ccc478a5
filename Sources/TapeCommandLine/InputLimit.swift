import Foundation

/// How much of a file or of standard input a command reads: `tape decode --max-bytes`.
/// Standard input is read in chunks and given up one byte past the limit, so `< /dev/zero`
/// costs the limit, not all memory.
public enum InputLimit {
  /// The default: 64 MiB, far above any progress answer.
  public static let defaultBytes = 64 << 20

  /// The limit of the reads in the current task (set with `$bytes.withValue`).
  @TaskLocal public static var bytes = defaultBytes

  /// Input past the limit.
  public struct Exceeded: Error, CustomStringConvertible {
    /// The limit in bytes.
    public var limit: Int
    /// The sentence for people.
    public var description: String {
      "it is larger than the limit of \(limit) bytes"
    }
  }

  /// Reads `handle` to its end, or throws ``Exceeded`` once more than `limit` bytes came.
  static func read(_ handle: FileHandle, limit: Int) throws -> Data {
    var data = Data()
    while true {
      let chunk = handle.readData(ofLength: min(1 << 20, limit + 1 - data.count))
      if chunk.isEmpty { return data }
      data.append(chunk)
      if data.count > limit { throw Exceeded(limit: limit) }
    }
  }
}
