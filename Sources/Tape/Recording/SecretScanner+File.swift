import Foundation
import JSONTree

extension SecretScanner {
  /// Why a file could not be scanned at all.
  public enum FileFailure: Error, Hashable, Sendable {
    /// There is no such file.
    case missing
    /// It could not be opened or read; the system's words.
    case unreadable(String)
    /// It is larger than `limit` bytes (`size` when known before reading).
    case tooLarge(limit: Int, size: Int?)
  }

  /// The largest file ``report(forFileAt:limit:)`` reads by default: 1 GiB.
  public static let defaultFileLimit = 1 << 30

  /// Every hit in the file at `path`, and what of it could not be read: the same report as
  /// ``report(for:)`` on its bytes, read a piece at a time when the file is valid JSON
  /// whose root is an object (a cassette: each interaction parsed, scanned and dropped in
  /// turn, so that memory holds one interaction, not the file); any other file, or one that
  /// turns out not to be valid JSON, is read whole and scanned as ``report(for:)`` scans it.
  /// A file over `limit` bytes is refused.
  public func report(forFileAt path: String, limit: Int = defaultFileLimit) throws(FileFailure)
    -> Report
  {
    let chunks = try Self.open(path, limit: limit)
    var scan = DocumentScan(scanner: self)
    var stream = JSONObjectStream(limit: limit) { try chunks.next() }
    do {
      if try stream.startsWithObject() {
        var context = DocumentScan.Context()
        try stream.read(streaming: nil) { piece in
          switch piece {
          case .member(let key, let value): scan.walkRootMember(JSONMember(key, value))
          case .arrayStart(let key): context = scan.startRootArray(key)
          case .element(let key, let index, let value):
            scan.walkRootElement(key, index, value, context)
          case .arrayEnd: break
          }
        }
        return Report(hits: scan.hits, unreadable: scan.unreadable)
      }
    } catch JSONObjectStream.Failure.tooLarge(let limit) {
      throw .tooLarge(limit: limit, size: nil)
    } catch FileChunks.Failure.system(let reason) {
      throw .unreadable(reason)
    } catch {
      // Not valid JSON: read whole, as a broken document is.
    }
    let whole = try Self.open(path, limit: limit)
    let bytes: [UInt8]?
    do {
      bytes = try whole.readAll(limit: limit)
    } catch {
      switch error {
      case .missing: throw .missing
      case .system(let reason): throw .unreadable(reason)
      }
    }
    guard let bytes else { throw .tooLarge(limit: limit, size: nil) }
    return report(for: bytes)
  }

  /// The file at `path`, opened; refused when its size is known to be over `limit`.
  private static func open(_ path: String, limit: Int) throws(FileFailure) -> FileChunks {
    let chunks: FileChunks
    do {
      chunks = try FileChunks(path: path)
    } catch {
      switch error {
      case .missing: throw .missing
      case .system(let reason): throw .unreadable(reason)
      }
    }
    if let size = chunks.size, size > limit { throw .tooLarge(limit: limit, size: size) }
    return chunks
  }
}
