import DecoderFuzz
import Foundation
import JSONTree
import Testing

@Suite("Finding files")
struct FindingFileTests {
  let finding = Finding(
    target: "insight",
    report: FindingReport(.documentedRejected, path: "/status", detail: "typeMismatch"),
    input: Array(#"{"status":1.5e999}"#.utf8),
    mutations: [Mutation(pointer: "/status", operator: .extremeNumber, argument: "1e309")],
    seed: 18_446_744_073_709_551_615, shard: Shard("1/4")!, iteration: 77, originalSize: 412,
    toolchain: "Swift 6.3.1, Linux x86_64")

  @Test("a finding survives its file: every field, the seed's 20 digits included")
  func roundTrip() throws {
    let text = finding.fileText
    #expect(text.contains(#""seed": 18446744073709551615"#))
    #expect(text.contains(#"  "input": {"json":{"status":1.5e999}},"#))
    #expect(text.hasSuffix("}\n"))
    let again = try Finding(document: try JSONParser().parse(text))
    #expect(again == finding)
  }

  @Test("input that is not JSON is stored as base64")
  func base64() throws {
    var binary = finding
    binary.input = [0x7B, 0xFF, 0x00]
    #expect(binary.document["input"]?["base64"]?.stringValue == "e/8A")
    #expect(try Finding(document: binary.document).input == [0x7B, 0xFF, 0x00])
  }

  @Test("the store saves a minimized finding once, under its hash")
  func savedOnce() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = FindingStore(corpusDirectory: directory)
    let first = try store.save(finding, corpusKey: "insight")
    let second = try store.save(finding, corpusKey: "insight")
    #expect(first.isNew)
    #expect(!second.isNew)
    #expect(first.url == second.url)
    #expect(first.url.lastPathComponent == "\(finding.identifier).json")
    #expect(first.url.path.hasSuffix("/insight/findings/\(finding.identifier).json"))
    #expect(try FindingStore.load(first.url) == finding)
    #expect(store.findingFiles() == [first.url])
  }

  @Test("a corrupt finding file is an error that names the file and the problem")
  func corrupt() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let cases: [(String, String)] = [
      ("{not json", "is not valid JSON: line 1, column 2"),
      (#"{"format_version": 1}"#, "'outcome' is missing or not an object"),
      ("[]", "not a JSON object"),
    ]
    for (text, expected) in cases + [(#"{"formatVersion": 2}"#, "'formatVersion' must be 1")] {
      let url = directory.appending(path: "bad.json")
      try Data(text.utf8).write(to: url)
      let error = #expect(throws: FindingLoadError.self) { try FindingStore.load(url) }
      #expect(error?.file == url.path)
      #expect(error?.description.contains(expected) == true)
    }
  }

  @Test("files say formatVersion and keep the budget; the old format_version still loads")
  func formatKeyAndBudget() throws {
    var slow = finding
    slow.budgetMilliseconds = 1.5
    let text = slow.fileText
    #expect(text.contains(#""formatVersion": 1,"#))
    #expect(!text.contains("format_version"))
    #expect(text.contains(#""budget_ms": 1.5,"#))
    #expect(try Finding(document: try JSONParser().parse(text)) == slow)
    let legacy = finding.fileText.replacing(#""formatVersion": 1"#, with: #""format_version": 1"#)
    #expect(try Finding(document: try JSONParser().parse(legacy)) == finding)
  }
}
