import Foundation
import JSONTree

/// Finding files below a corpus directory: `<corpus>/<api>/findings/<hash>.json`.
public struct FindingStore: Sendable {
  /// The corpus directory (`corpus/`).
  public var corpusDirectory: URL

  /// Creates a store.
  public init(corpusDirectory: URL) {
    self.corpusDirectory = corpusDirectory
  }

  /// Where `finding` of a target in `corpusKey` is saved.
  public func location(of finding: Finding, corpusKey: String) -> URL {
    corpusDirectory.appending(path: corpusKey).appending(path: "findings")
      .appending(path: "\(finding.identifier).json")
  }

  /// Saves `finding` unless a file of the same minimized finding exists; returns the file
  /// and whether it is new. Writes are atomic.
  public func save(_ finding: Finding, corpusKey: String) throws -> (url: URL, isNew: Bool) {
    let url = location(of: finding, corpusKey: corpusKey)
    if FileManager.default.fileExists(atPath: url.path) { return (url, false) }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(finding.fileText.utf8).write(to: url, options: .atomic)
    return (url, true)
  }

  /// Reads one finding file; the error names the file and what is wrong with it.
  public static func load(_ url: URL) throws(FindingLoadError) -> Finding {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw FindingLoadError(
        file: url.path, reason: "cannot be read: \(error.localizedDescription)")
    }
    do {
      return try Finding(fileBytes: Array(data))
    } catch let error as JSONParseError {
      throw FindingLoadError(file: url.path, reason: "is not valid JSON: \(error)")
    } catch let error as FindingFileError {
      throw FindingLoadError(file: url.path, reason: "is not a finding: \(error)")
    } catch {
      throw FindingLoadError(file: url.path, reason: "\(error)")
    }
  }

  /// Every finding file below the corpus directory, sorted by path.
  public func findingFiles() -> [URL] {
    files(in: "findings")
  }

  /// Every seed file below the corpus directory, sorted by path.
  public func seedFiles() -> [URL] {
    files(in: "seeds")
  }

  private func files(in kind: String) -> [URL] {
    let keys =
      (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
    return keys.sorted().flatMap { key in
      let directory = corpusDirectory.appending(path: key).appending(path: kind)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".txt") }.sorted().map {
        directory.appending(path: $0)
      }
    }
  }
}

/// A finding file that cannot be used.
public struct FindingLoadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's path.
  public var file: String
  /// What is wrong.
  public var reason: String
  /// `corpus/x/findings/y.json is not valid JSON: ...`.
  public var description: String { "\(file) \(reason)" }
}
