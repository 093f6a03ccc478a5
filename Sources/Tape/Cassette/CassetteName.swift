import Foundation

/// A validated cassette name: a relative path below the cassette folder, such as
/// `check/polling`; `.json` is added when missing.
public struct CassetteName: Hashable, Sendable, CustomStringConvertible {
  /// The relative path, ending in `.json`.
  public let relativePath: String

  /// Validates `name`: not empty, relative, no `.` or `..` segment, no backslash or control
  /// character.
  public init(_ name: String) throws(CassetteError) {
    func refuse(_ reason: String) -> CassetteError {
      CassetteError(file: name, problem: .invalidName(reason))
    }
    guard !name.isEmpty else { throw refuse("it is empty") }
    guard !name.hasPrefix("/"), !name.hasPrefix("~") else {
      throw refuse("it must be relative to the cassette folder")
    }
    guard !name.contains("\\") else { throw refuse("use '/' to separate folders") }
    guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { throw refuse("it contains a control character") }
    let segments = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
      throw refuse("it must not contain empty, '.' or '..' segments")
    }
    self.relativePath = name.hasSuffix(".json") ? name : name + ".json"
  }

  /// The file of this cassette in `directory`.
  public func url(in directory: URL) -> URL {
    directory.appending(path: relativePath)
  }

  /// The relative path.
  public var description: String { relativePath }
}
