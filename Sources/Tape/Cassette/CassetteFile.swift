import Foundation
import JSONTree

/// Reads and writes cassette files: canonical JSON, written atomically.
public enum CassetteFile {
  /// Reads the cassette at `url`; every problem names the file (as `name`, its path when
  /// nil) and, inside it, the place.
  public static func load(from url: URL, named name: String? = nil) throws(CassetteError)
    -> Cassette
  {
    let file = name ?? url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
      throw CassetteError(file: file, problem: .missing)
    } catch {
      throw CassetteError(file: file, problem: .inputOutput(FileProblem.sentence(for: error)))
    }
    return try decode(data, file: file)
  }

  /// Reads a cassette from its bytes; `file` names it in errors.
  public static func decode(_ data: Data, file: String) throws(CassetteError) -> Cassette {
    let tree: JSONValue
    do {
      tree = try JSONParser().parse(data)
    } catch {
      throw CassetteError(file: file, problem: .invalidJSON(error))
    }
    return try Cassette(json: tree, file: file)
  }

  /// The canonical bytes of a cassette: the cassette's own keys sorted, every body's JSON
  /// members in the order the service sent them, two-space indentation, final newline.
  public static func encode(_ cassette: Cassette) -> Data {
    Data((cassette.json.serialized(.pretty) + "\n").utf8)
  }

  /// Writes a cassette atomically (a temporary file, then a rename), creating folders, with
  /// no redaction and no scan: for the tests' fixtures only. Everything Tape records goes
  /// through ``CassetteRecorder/write(to:named:appendingTo:metadata:)``, the one writer.
  static func save(_ cassette: Cassette, to url: URL) throws(CassetteError) {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try encode(cassette).write(to: url, options: .atomic)
    } catch {
      throw CassetteError(file: url.path, problem: .inputOutput(FileProblem.sentence(for: error)))
    }
  }
}
