import Foundation

/// Finds the cassette folder: `TAPE_CASSETTES` when set, else `cassettes/` in the package
/// that holds the test file (the nearest folder above it with a `Package.swift`).
enum CassetteLocation {
  static func directory(forTestFile filePath: String, environment: [String: String]) -> URL {
    if let configured = environment["TAPE_CASSETTES"], !configured.isEmpty {
      return URL(fileURLWithPath: configured, isDirectory: true)
    }
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appending(path: "Package.swift").path) {
        return folder.appending(path: "cassettes", directoryHint: .isDirectory)
      }
      folder.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appending(path: "cassettes", directoryHint: .isDirectory)
  }
}
