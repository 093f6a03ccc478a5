// swift-format-ignore-file: OrderedImports
// The README's model examples, each block as the README shows it (imports included), one
// after another at file scope, compiled and run; `ReadmeExampleTests.examplesAppearVerbatim`
// checks that every ```swift block of the README is in a compiled `*ReadmeExampleTests.swift`
// file, so the README and the code cannot drift apart.

import CloudProgress
import Foundation
import Testing

@Test func readsTheProgressOfAnAnswer() throws {
  let body = Data(#"{"task_status": 0, "progress": {"ratio": "50%", "info": "running"}}"#.utf8)
  let answer = try CheckTaskProgress(jsonData: body)
  let progress = answer.taskProgress
  #expect(progress.phase == .running)
  #expect(progress.percent == 50)
  #expect(!progress.isTerminal)
}

import CloudProgress
import Foundation
import Testing

@Test func decodesAnAnswerByAPIKey() throws {
  let task = try CloudAPI.insight.decodeResponse(from: Data(#"{"status": 4}"#.utf8))
  #expect(task.taskProgress.phase == .running)
}

import CloudProgress
import Foundation
import Testing

@Test func keepsADriftedFieldAsAWireAnomaly() throws {
  let drifted = Data(#"{"status": 1, "name": 5, "create_date": "1700000000000"}"#.utf8)
  let imported = try InsightImportTask(jsonData: drifted)
  #expect(imported.taskProgress.phase == .succeeded)
  #expect(imported.name == nil)
  let name = try #require(imported.$name)
  #expect(name.description == "/name: documented string, found number 5 (kept, not read)")
  #expect(imported.wireAnomalies.map(\.path.description) == ["/name", "/create_date"])
  #expect(imported.createDate?.milliseconds == 1_700_000_000_000)
}

import CloudProgress
import Foundation
import Testing

@Test func readsAnErrorAnswer() {
  let error = CloudError(
    httpStatus: 400, requestID: "0b5e7c1a",
    body: Data(#"{"error_code": "DRS.10000010", "error_msg": "Job does not exist"}"#.utf8))
  #expect(error.description == "HTTP 400 DRS.10000010: Job does not exist (request 0b5e7c1a)")
}

@Suite("README examples")
struct ReadmeExampleTests {
  @Test(
    "every swift block of the README and docs/, imports included, is in a README example test file"
  )
  func examplesAppearVerbatim() throws {
    let docs = packageRoot.appending(path: "docs")
    let pages =
      ["README.md"]
      + (try FileManager.default.contentsOfDirectory(atPath: docs.path))
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    #expect(pages.count >= 8)
    let readme = try pages.map {
      try String(contentsOf: packageRoot.appending(path: $0), encoding: .utf8)
    }.joined(separator: "\n")
    let testFolder = packageRoot.appending(path: "Tests")
    let files =
      FileManager.default.enumerator(atPath: testFolder.path)?
      .compactMap { $0 as? String }.filter { $0.hasSuffix("ReadmeExampleTests.swift") } ?? []
    #expect(files.count == 7)
    let sources = try files.map { file in
      try String(contentsOf: testFolder.appending(path: file), encoding: .utf8)
    }
    let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map {
      $0.components(separatedBy: "\n```")[0]
    }
    #expect(blocks.count >= 15)
    for block in blocks {
      // A reader pastes a block into a test file as it is: it starts with its imports.
      #expect(block.hasPrefix("import "), "README block without its imports:\n\(block)")
      let found = sources.contains { $0.contains(block + "\n") }
      #expect(
        found, "README block not found byte for byte in a *ReadmeExampleTests.swift file:\n\(block)"
      )
    }
  }

  @Test("every relative link of the README and docs/ names a file of the package")
  func linksResolve() throws {
    let docs = packageRoot.appending(path: "docs")
    let pages =
      ["README.md", "cassettes/README.md", "corpus/README.md", "Benchmarks/README.md"]
      + (try FileManager.default.contentsOfDirectory(atPath: docs.path))
      .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
    var checked = 0
    for page in pages {
      let text = try String(contentsOf: packageRoot.appending(path: page), encoding: .utf8)
      let folder = packageRoot.appending(path: page).deletingLastPathComponent()
      for piece in text.components(separatedBy: "](").dropFirst() {
        guard let end = piece.firstIndex(of: ")") else { continue }
        let target = String(piece[..<end])
        if target.contains("://") || target.hasPrefix("#") || target.hasPrefix("mailto:") {
          continue
        }
        let path = String(target.prefix { $0 != "#" })
        checked += 1
        #expect(
          FileManager.default.fileExists(atPath: folder.appending(path: path).standardized.path),
          "\(page) links to \(target), which does not exist")
      }
    }
    #expect(checked >= 20)
  }
}
