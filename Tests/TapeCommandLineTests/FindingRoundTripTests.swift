import DecoderFuzz
import Foundation
import Testing

/// Every file `tape fuzz` can write opens: a finding of every class, with the deepest
/// nesting the mutator makes and the largest input a campaign sends, is saved, read back
/// by `tape fuzz replay` (exit 0 or 1, never 3) and by the loader the corpus tests use,
/// and its input runs through its target as the corpus tests run it.
@Suite("Finding files: every class, the deepest and the largest input, read back")
struct FindingRoundTripTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The inputs: the mutator's deep nesting at every depth it tries (511, 512, 513), and
  /// the largest input a campaign sends, as JSON and as invalid UTF-8.
  static func inputs() throws -> [(name: String, bytes: [UInt8])] {
    let target = try #require(FuzzTargetRegistry.target(named: "check"))
    let seeds = SeedCorpus.cases(of: target, in: root.appending(path: "corpus"))
    var random = FuzzRandom(seed: 21)
    var deepest: [Int: [UInt8]] = [:]
    for _ in 0..<10_000 where deepest.count < MutationCatalogue.nestingDepths.count {
      var fuzzCase = random.pick(seeds)
      guard Mutator().apply(.deepNesting, to: &fuzzCase, using: &random),
        let argument = fuzzCase.mutations.last?.argument,
        let depth = Int(argument.dropFirst("depth ".count))
      else { continue }
      deepest[depth] = fuzzCase.bytes()
    }
    #expect(deepest.keys.sorted() == MutationCatalogue.nestingDepths)
    let head = Array(#"{"task_status":0,"progress":{"ratio":"50%","info":""#.utf8)
    let tail = Array(#""}}"#.utf8)
    let fill = FuzzCampaign.maximumInputSize - head.count - tail.count
    let largest = head + [UInt8](repeating: UInt8(ascii: "a"), count: fill) + tail
    var invalid = largest
    invalid[head.count] = 0xFF
    return deepest.sorted { $0.key < $1.key }.map { ("nesting \($0.key) deep", $0.value) } + [
      ("largest JSON", largest), ("largest, invalid UTF-8", invalid),
    ]
  }

  @Test("saved, loaded to the same finding, replayed by tape fuzz replay and in process")
  func everyClass() async throws {
    let corpus = FileManager.default.temporaryDirectory.appending(
      path: "finding-round-trip-\(UUID())")
    defer { try? FileManager.default.removeItem(at: corpus) }
    let target = try #require(FuzzTargetRegistry.target(named: "check"))
    var files: [(URL, FindingClass, String)] = []
    for (name, input) in try Self.inputs() {
      #expect(input.count <= FuzzCampaign.maximumInputSize)
      for findingClass in FindingClass.allCases {
        let finding = Finding(
          target: "check",
          report: FindingReport(findingClass, path: "/progress/info", detail: "planted: \(name)"),
          input: input,
          mutations: [Mutation(pointer: "/progress/info", operator: .deepNesting, argument: name)],
          seed: 21, shard: .whole, iteration: 1, originalSize: input.count,
          budgetMilliseconds: 250)
        // A corpus per class: the file name is the hash of the target and the input only.
        let store = FindingStore(corpusDirectory: corpus.appending(path: findingClass.rawValue))
        let saved = try store.save(finding, corpusKey: "check")
        #expect(saved.isNew)
        // What the corpus tests do with a finding file: load it, run its input.
        let loaded = try FindingStore.load(saved.url)
        let same = loaded == finding  // (not in the expectation: it would print 256 KiB)
        #expect(same, "\(name), \(findingClass): \(saved.url.path) loads differently")
        let outcome = TimedExecution.run(target, loaded.input, budgetMilliseconds: 2_000)
        let isFinding = outcome.finding != nil
        #expect(!isFinding, "\(name), \(findingClass): \(outcome)")
        files.append((saved.url, findingClass, name))
      }
    }
    #expect(files.count == 5 * FindingClass.allCases.count)
    let replays = try await offThePool { [files] in
      try files.map { file, _, _ in
        let process = try ChildProcess(
          SimulateProcessTests.binary, ["fuzz", "replay", file.path], errors: .output)
        let text = String(
          decoding: process.output?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        return (process.waitUntilExit(), text)
      }
    }
    for ((file, findingClass, name), (status, text)) in zip(files, replays) {
      // 0: fixed, 1: still reproduces; 3 would be a file the loader cannot read.
      #expect(
        status == 0 || status == 1, "\(name), \(findingClass): \(file.path): \(text.prefix(2_000))")
      let recorded = text.contains("recorded: \(findingClass.rawValue) at /progress/info")
      #expect(recorded, "\(name), \(findingClass): \(text.prefix(2_000))")
    }
  }

  @Test("input nested too deeply to be read back inside the file is stored as base64")
  func deepInputIsBase64() throws {
    let deep = Array(
      (String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)
    let finding = Finding(
      target: "check", report: FindingReport(.slow, detail: "planted"), input: deep,
      mutations: [], seed: 1, shard: .whole, iteration: 0, originalSize: deep.count)
    #expect(finding.fileText.contains(#""input": {"base64":"#))
    #expect(try Finding(fileBytes: Array(finding.fileText.utf8)) == finding)
    let shallow = Array(
      (String(repeating: "[", count: 510) + String(repeating: "]", count: 510)).utf8)
    var stored = finding
    stored.input = shallow
    #expect(stored.fileText.contains(#""input": {"json":[[["#))
    #expect(try Finding(fileBytes: Array(stored.fileText.utf8)) == stored)
  }
}
