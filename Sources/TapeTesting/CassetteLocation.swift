import Foundation

/// Finds the cassette folder: `TAPE_CASSETTES` when set, else `cassettes/` in the package
/// that holds the test file (the nearest folder above it with a `Package.swift`).
enum CassetteLocation {
  static func directory(forTestFile filePath: String, environment: [String: String]) -> URL {
    if let configured = environment["TAPE_CASSETTES"], !configured.isEmpty {
      return URL(fileURLWithPath: configured, isDirectory: true)
    }
    return
      (packageRoot(forTestFile: filePath)
      ?? URL(fileURLWithPath: filePath).deletingLastPathComponent())
      .appending(path: "cassettes", directoryHint: .isDirectory)
  }

  /// How reports name a cassette file: its path relative to the package of the test file
  /// (`cassettes/check/polling.json`), or its full path when it lies outside the package.
  static func displayName(of file: URL, forTestFile filePath: String) -> String {
    let path = file.standardizedFileURL.path
    guard let root = packageRoot(forTestFile: filePath)?.standardizedFileURL.path,
      path.hasPrefix(root + "/")
    else { return path }
    return String(path.dropFirst(root.count + 1))
  }

  /// The nearest folder above the test file that holds a `Package.swift`.
  private static func packageRoot(forTestFile filePath: String) -> URL? {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appending(path: "Package.swift").path) {
        return folder
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }
}
