import Foundation
import JSONTree

/// Reads a cassette file interaction by interaction, for the commands that only look at one
/// (`tape inspect`): a chunk of the file and one interaction are held at a time, never the
/// whole file or all its interactions, and the time is linear in the file's size.
///
/// It checks what ``CassetteFile/load(from:named:)`` checks (the same messages, naming the
/// file and the JSON pointer or line and column), in the order the file holds things: an
/// interaction that is wrong is reported before a syntax error further on.
public enum CassetteStream {
  /// The largest file read by default: 1 GiB.
  public static let defaultLimit = 1 << 30

  /// Reads the cassette at `url` (named `name` in errors, its path when nil), handing each
  /// interaction to `body` in order; returns the rest of the cassette (its format version,
  /// metadata and recording time) with no interactions. A file over `limit` bytes is
  /// refused before anything is read when its size is known, and once it is past otherwise.
  public static func read(
    from url: URL, named name: String? = nil, limit: Int = defaultLimit,
    _ body: (Interaction) -> Void
  ) throws(CassetteError) -> Cassette {
    let file = name ?? url.path
    let chunks: FileChunks
    do {
      chunks = try FileChunks(path: url.path)
    } catch {
      switch error {
      case .missing: throw CassetteError(file: file, problem: .missing)
      case .system(let reason): throw CassetteError(file: file, problem: .inputOutput(reason))
      }
    }
    if let size = chunks.size, size > limit {
      throw CassetteError(file: file, problem: .tooLarge(limit: limit, size: size))
    }
    var stream = JSONObjectStream(limit: limit) { try chunks.next() }
    do {
      guard try stream.startsWithObject() else {
        // Not an object: read whole (up to the limit), the loader says what is wrong.
        guard let bytes = try FileChunks(path: url.path).readAll(limit: limit) else {
          throw JSONObjectStream.Failure.tooLarge(limit: limit)
        }
        return try CassetteFile.decode(Data(bytes), file: file)
      }
      var seen: Set<String> = []
      var version: Int?
      var recordedAt: String?
      var metadata: [String: String] = [:]
      try stream.read(streaming: ["interactions"]) { piece in
        switch piece {
        case .member(let key, let value):
          try Self.note(key, in: &seen)
          let reader = try JSONObjectReader(
            .object([JSONMember(key, value)]), at: .root, allowedKeys: Cassette.jsonKeys)
          switch key {
          case "formatVersion":
            let number = try reader.integer(key, in: 1...Int.max)
            guard number <= Cassette.currentFormatVersion else {
              throw CassetteError(file: file, problem: .unsupportedFormatVersion(number))
            }
            version = number
          case "recordedAt": recordedAt = try reader.string(key)
          case "metadata": metadata = try reader.stringDictionary(key)
          default: _ = try reader.array(key)  // interactions that are not an array
          }
        case .arrayStart(let key):
          try Self.note(key, in: &seen)
        case .element(let key, let index, let value):
          body(try Interaction(json: value, at: JSONPointer(tokens: [key, String(index)])))
        case .arrayEnd:
          break
        }
      }
      guard let version else {
        throw JSONObjectReader.Failure(pointer: .root, reason: "missing key 'formatVersion'")
      }
      guard seen.contains("interactions") else {
        throw JSONObjectReader.Failure(pointer: .root, reason: "missing key 'interactions'")
      }
      return Cassette(
        interactions: [], recordedAt: recordedAt, metadata: metadata, formatVersion: version)
    } catch let error as CassetteError {
      throw error
    } catch let failure as JSONObjectReader.Failure {
      throw CassetteError(file: file, problem: .invalidValue(failure.pointer, failure.reason))
    } catch JSONObjectStream.Failure.invalid(let error) {
      throw CassetteError(file: file, problem: .invalidJSON(error))
    } catch JSONObjectStream.Failure.tooLarge(let limit) {
      throw CassetteError(file: file, problem: .tooLarge(limit: limit, size: nil))
    } catch FileChunks.Failure.missing {
      throw CassetteError(file: file, problem: .missing)
    } catch FileChunks.Failure.system(let reason) {
      throw CassetteError(file: file, problem: .inputOutput(reason))
    } catch {
      throw CassetteError(file: file, problem: .inputOutput("\(error)"))
    }
  }

  /// Notes a key of the root object: an unknown or repeated one is refused, as the loader
  /// refuses it.
  private static func note(_ key: String, in seen: inout Set<String>) throws(JSONObjectReader
    .Failure)
  {
    guard Cassette.jsonKeys.contains(key) else {
      let known = Cassette.jsonKeys.sorted().joined(separator: ", ")
      throw JSONObjectReader.Failure(
        pointer: JSONPointer(tokens: [key]),
        reason: "unknown key '\(key)' (expected one of: \(known))")
    }
    guard seen.insert(key).inserted else {
      throw JSONObjectReader.Failure(pointer: JSONPointer(tokens: [key]), reason: "duplicate key")
    }
  }
}
