import Foundation

/// Refuses a body nested deeper than `JSONDecoder` handles, before `JSONDecoder` sees it.
///
/// On Linux (Swift 6.3.1), `JSONDecoder` traps (SIGILL) on a truncated document whose arrays
/// or objects nest deeper than 512 levels, such as `{"o":[[[[...` cut short: found by the
/// decoding fuzzer (`corpus/check/findings/6068c088038e644c.json`). A crash in the app for
/// a malformed answer, so every decoding entry point of this module checks the nesting
/// first; it scans the bytes once, skipping strings, and costs far less than the decode.
public enum NestingGuard {
  /// The deepest nesting accepted, the limit `JSONDecoder` and `JSONSerialization` apply.
  public static let maximumDepth = 512

  /// Throws a `DecodingError.dataCorrupted` when `body` nests deeper than ``maximumDepth``.
  public static func check(_ body: Data) throws {
    // Over the raw bytes: iterating `Data` byte by byte cost a few ns a byte.
    let isTooDeep = body.withUnsafeBytes { buffer in
      var depth = 0
      var inString = false
      var escaped = false
      for byte in buffer {
        if inString {
          if escaped {
            escaped = false
          } else if byte == UInt8(ascii: "\\") {
            escaped = true
          } else if byte == UInt8(ascii: "\"") {
            inString = false
          }
          continue
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          depth += 1
          if depth > maximumDepth { return true }
        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
        default: break
        }
      }
      return false
    }
    if isTooDeep {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "nested deeper than \(maximumDepth) levels"))
    }
  }
}
