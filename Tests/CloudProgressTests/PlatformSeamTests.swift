import Foundation
import Testing

/// The platform seam (docs/platforms.md): the C library module (Glibc, Musl, Darwin...) is
/// imported by `Sources/SystemInterface` alone, and only under `#if canImport(...)`; every
/// other file of `Sources`, `Tests` and `Benchmarks` imports `SystemInterface` instead, and
/// no file of `Sources` outside the seam spells what only Glibc spells.
@Suite("platform seam")
struct PlatformSeamTests {
  @Test("no file outside Sources/SystemInterface imports the C library module itself")
  func onlyTheSeamImportsTheCLibrary() throws {
    var found: [String] = []
    for folder in ["Sources", "Tests", "Benchmarks"] {
      for (path, text) in try PlatformSeam.swiftFiles(below: folder)
      where !path.hasPrefix(PlatformSeam.seam) {
        found += PlatformSeam.libraryImports(in: text).map { "\(path):\($0.line): \($0.text)" }
      }
    }
    #expect(
      found.isEmpty,
      """
      these files import the C library module directly: import SystemInterface instead, \
      and put what differs between platforms in Sources/SystemInterface \
      (docs/platforms.md):
      \(found.joined(separator: "\n"))
      """)
  }

  @Test("the seam imports the C library module only under #if canImport of that module")
  func theSeamImportsConditionally() throws {
    let files = try PlatformSeam.swiftFiles(below: PlatformSeam.seam)
    #expect(!files.isEmpty, "no Swift file below \(PlatformSeam.seam)")
    let found = files.flatMap { path, text in
      PlatformSeam.libraryImports(in: text).filter { !$0.isConditional }
        .map { "\(path):\($0.line): \($0.text)" }
    }
    #expect(found.isEmpty, "unconditional imports in the seam:\n\(found.joined(separator: "\n"))")
  }

  @Test("no file of Sources outside the seam spells what only Glibc spells")
  func noGlibcSpellingOutsideTheSeam() throws {
    var found: [String] = []
    for (path, text) in try PlatformSeam.swiftFiles(below: "Sources")
    where !path.hasPrefix(PlatformSeam.seam) {
      found += PlatformSeam.glibcSpellings(in: text).map { "\(path):\($0.line): \($0.text)" }
    }
    #expect(
      found.isEmpty,
      """
      Glibc-only spellings outside Sources/SystemInterface: use the seam's \
      (SystemSocket, SystemSpawn, SystemThread, SystemSignal, SystemProcess):
      \(found.joined(separator: "\n"))
      """)
  }

  @Test("the scanner finds a planted import, conditional or not, and only real imports")
  func scannerFindsPlantedImports() {
    // One string per line, so that this file holds no line that imports Glibc itself.
    let text = [
      "import Foundation",
      "// import Glibc (a comment)",
      #"let name = "import Glibc""#,
      "import Glibc",
      "@_exported public import Darwin.C",
      "#if canImport(Musl)",
      "  import Musl",
      "#elseif os(Linux)",
      "  import Glibc",
      "#endif",
      "import struct Glibc.timespec",
    ].joined(separator: "\n")
    let found = PlatformSeam.libraryImports(in: text)
    #expect(found.map(\.line) == [4, 5, 7, 9, 11])
    #expect(found.map(\.isConditional) == [false, false, true, false, false])
    #expect(
      PlatformSeam.glibcSpellings(in: "let s = Int32(SOCK_STREAM.rawValue)\n// MSG_NOSIGNAL\n")
        .map(\.line) == [1])
  }
}

/// Reads the package's Swift files and finds what the seam forbids.
enum PlatformSeam {
  /// The seam's folder, relative to the package root.
  static let seam = "Sources/SystemInterface/"

  /// The C library modules a Swift toolchain offers, by platform.
  static let libraryModules: Set<String> = [
    "Glibc", "Musl", "Darwin", "Bionic", "Android", "WASILibc", "ucrt", "WinSDK", "CRT",
  ]

  /// What only Glibc (or only Linux) spells, which outside the seam would not compile or
  /// would mean something else on another platform.
  static let glibcSpellings = [
    "SOCK_STREAM.rawValue", "SOCK_DGRAM.rawValue", "SOCK_CLOEXEC", "SOCK_NONBLOCK",
    "MSG_NOSIGNAL", "accept4", "pipe2", "epoll_", "__sigaction_handler", "RUSAGE_SELF.rawValue",
    "pthread_t()", "posix_spawn_file_actions_t()", "posix_spawnattr_t()",
    "posix_spawn_file_actions_addclosefrom_np", "clock_getcpuclockid", "\"/proc/",
    "Glibc.",
  ]

  /// One import of a C library module.
  struct LibraryImport: Equatable {
    /// Its line, from 1.
    var line: Int
    /// The line as written, trimmed.
    var text: String
    /// Whether the innermost `#if`/`#elseif` around it is `canImport` of that very module.
    var isConditional: Bool
  }

  /// The `.swift` files below `folder` (relative to the package root), as paths relative to
  /// the root and their text, sorted by path.
  static func swiftFiles(below folder: String) throws -> [(path: String, text: String)] {
    let root = packageRoot.standardizedFileURL.path
    let top = packageRoot.appending(path: folder)
    guard let walker = FileManager.default.enumerator(at: top, includingPropertiesForKeys: nil)
    else { return [] }
    var files: [(path: String, text: String)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
      files.append((path, try String(contentsOf: url, encoding: .utf8)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The imports of a C library module in `text`, with whether each is conditional.
  static func libraryImports(in text: String) -> [LibraryImport] {
    var conditions: [String] = []
    var found: [LibraryImport] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("#if ") {
        conditions.append(line)
      } else if line.hasPrefix("#elseif ") || line == "#else" || line.hasPrefix("#else ") {
        if !conditions.isEmpty { conditions[conditions.count - 1] = line }
      } else if line.hasPrefix("#endif") {
        _ = conditions.popLast()
      } else if let module = importedModule(line), libraryModules.contains(module) {
        let guarded = conditions.last?.contains("canImport(\(module))") ?? false
        found.append(LibraryImport(line: index + 1, text: line, isConditional: guarded))
      }
    }
    return found
  }

  /// The top module a line imports (`Glibc` for `@_exported public import struct
  /// Glibc.timespec`), or nil when the line is no import.
  static func importedModule(_ line: String) -> String? {
    var words = line.split(whereSeparator: \.isWhitespace).map(String.init)[...]
    let modifiers: Set<String> = ["public", "package", "internal", "fileprivate", "private"]
    while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) {
      words = words.dropFirst()
    }
    guard words.first == "import" else { return nil }
    words = words.dropFirst()
    let kinds: Set<String> = [
      "struct", "class", "enum", "protocol", "typealias", "func", "var", "let",
    ]
    if let kind = words.first, kinds.contains(kind) { words = words.dropFirst() }
    guard let path = words.first else { return nil }
    return path.split(separator: ".").first.map(String.init)
  }

  /// The lines of `text` (comments aside) that use one of ``glibcSpellings``.
  static func glibcSpellings(in text: String) -> [(line: Int, text: String)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
      index, rawLine in
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      guard !line.hasPrefix("//"), glibcSpellings.contains(where: line.contains) else {
        return nil
      }
      return (index + 1, line)
    }
  }
}
