import CloudProgress
import Foundation
import JSONTree
import Testing

@testable import DecoderFuzz

/// The fuzzer's speed-ups give the answers of the long way: the signature of a body that
/// does not parse, the path pattern written from tokens, the remembered round trip, the
/// tree hash, and the deep pointer texts made once.
@Suite("Oracle shortcuts give the long way's answers")
struct OracleShortcutTests {
  @Test("a body that does not parse is signed as Model(jsonData:)'s error would sign it")
  func rejectionSignature() throws {
    var random = FuzzRandom(seed: 7)
    var compared = 0
    for target in FuzzTargetRegistry.standard {
      guard let api = CloudAPI(rawValue: target.name) else { continue }
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      for _ in 0..<300 {
        let bytes = Mutator().mutate(random.pick(seeds), using: &random).bytes()
        guard (try? JSONParser().parse(bytes)) == nil else { continue }
        let summary: DecodingErrorSummary
        do {
          _ = try api.decodeResponse(from: Data(bytes))
          Issue.record("\(target.name): a body that does not parse decoded")
          continue
        } catch {
          summary = DecodingErrorSummary(error)
        }
        #expect(target.execute(bytes) == .rejected(signature: "\(summary.kind) \(summary.pattern)"))
        compared += 1
      }
    }
    #expect(compared > 100)
  }

  @Test("a pattern written from tokens is the pattern of the pointer's text")
  func patternFromTokens() {
    let pointers = [
      [], ["json", "details", "5", "id"], ["a/b", "~", "0", ""], ["01", "x~1y", "ü", "12a"],
      Array(repeating: "0", count: 513),
    ].map { JSONPointer(tokens: $0) }
    for pointer in pointers {
      #expect(PathPattern.of(pointer) == PathPattern.of(pointer.description))
    }
  }

  @Test("a model whose round trip breaks is a finding every time, never remembered as stable")
  func roundTripNotRemembered() {
    let oracles = ResponseOracles(
      LossyTask.self, schema: .insight, pollingSequences: [[#"{"status":1}"#]])
    let input = Array(#"{"status":1,"name":"x"}"#.utf8)
    for _ in 0..<3 {
      #expect(oracles.check(input).finding?.findingClass == .unstableRoundTrip)
    }
  }

  @Test("the tree hash is the same in every process and tells apart what the text does")
  func treeHash() throws {
    let tree = try JSONParser().parse(#"{"a":[1,"x",null,true,{"b":false}],"c":"d"}"#)
    // Fixed (computed apart, by FNV-1a in Python over the same walk): a hash seeded per
    // process (Hasher) would pick another answer in replay.
    #expect(StableHash.fnv1a(tree) == 0x5C97_32B1_6C85_7863)
    let distinct = [
      #"["ab"]"#, #"["a","b"]"#, #"[["a"],"b"]"#, #"{"a":"b"}"#, #"{"ab":null}"#, #"["1"]"#,
      #"[1]"#, "[]", "{}", "[[]]", "null", "false", "true", #""""#,
    ]
    let hashes = try distinct.map { StableHash.fnv1a(try JSONParser().parse($0)) }
    #expect(Set(hashes).count == distinct.count)
  }

  @Test("deep pointer texts, made once and remembered, are the pointers' texts")
  func deepPointerTexts() throws {
    var value = JSONValue.string("leaf")
    for level in 0..<40 {
      value = level % 2 == 0 ? .array([.null, value]) : .object([JSONMember("k/~\(level)", value)])
    }
    let layout = DocumentLayout(value, schema: .insight)
    for _ in 0..<2 {
      for index in layout.sites.indices.reversed() {
        var tokens: [String] = []
        var current = index
        while current > 0 {
          tokens.append(layout.sites[current].token)
          current = layout.sites[current].parent
        }
        #expect(layout.pointerText(index) == JSONPointer(tokens: tokens.reversed()).description)
      }
    }
  }

  @Test("the remembered verdicts are the verdicts of oracles that remember nothing")
  func memoriesChangeNoVerdict() {
    var random = FuzzRandom(seed: 13)
    var compared = 0
    for target in FuzzTargetRegistry.standard {
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      let inputs = (0..<400).map { _ in
        Mutator().mutate(random.pick(seeds), using: &random).bytes()
      }
      // The registry's target remembers across inputs (and across tests); a response target
      // made afresh for each input remembers nothing (the error bodies' memory is static).
      for input in inputs + inputs {
        let fresh = freshTarget(named: target.name)
        #expect(target.execute(input) == fresh?.execute(input), "\(target.name)")
        compared += 1
      }
    }
    #expect(compared == 8_000)
  }

  @Test("a remembered progress part is used only for that very part, whatever its hash")
  func progressPartHitIsChecked() throws {
    let oracles = ResponseOracles(
      CheckTaskProgress.self, schema: .check,
      pollingSequences: DocumentedPollingSequences.of(.check))
    let answer = try JSONParser().parse(#"{"task_status":1,"progress":{"ratio":"50%","x":1}}"#)
    let truth = oracles.progressAlone(of: answer)
    // An entry under the answer's hash for another part, with another progress.
    let (hash, changed) = FuzzSchema.check.progress.progressPartHash(of: answer)
    #expect(changed)
    let other = try JSONParser().parse(#"{"task_status":0}"#)
    oracles.progressParts.remember(.init(part: other, progress: nil), for: hash)
    guard case .decodes(let progress) = oracles.progressAlone(of: answer) else {
      Issue.record("the entry of another part was taken")
      return
    }
    guard case .decodes(let expected) = truth else {
      Issue.record("the answer's progress part does not decode")
      return
    }
    #expect(progress == expected)
  }

  private func freshTarget(named name: String) -> FuzzTarget? {
    switch name {
    case "cpts": .response(PerfTestUploadProcessResponse.self, api: .cpts, schema: .cpts)
    case "insight": .response(InsightImportTask.self, api: .insight, schema: .insight)
    case "quality": .response(QualityResourceStatus.self, api: .quality, schema: .quality)
    case "drs": .response(DRSTemplateImportProgress.self, api: .drs, schema: .drs)
    case "check": .response(CheckTaskProgress.self, api: .check, schema: .check)
    default: FuzzTargetRegistry.target(named: name)
    }
  }

  @Test("an error body nested in one-element arrays gets the verdicts of its whole parse")
  func errorBodyNests() throws {
    var random = FuzzRandom(seed: 9)
    var nests = 0
    var inputs: [[UInt8]] = [
      Array(
        (String(repeating: "[", count: 512) + "\"\"" + String(repeating: "]", count: 512)).utf8),
      Array((String(repeating: "[", count: 513) + "1" + String(repeating: "]", count: 513)).utf8),
      Array("[[[{\"error_code\":\"E\",\"error_msg\":\"m\"}]]]".utf8), Array("[[ ]]".utf8),
      Array("[[\"  \"]]".utf8), Array(" [[[\"\\u0000\", null]]] ".utf8),
    ]
    for target in FuzzTargetRegistry.standard where target.name.hasSuffix("-error") {
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      for _ in 0..<400 {
        var fuzzCase = random.pick(seeds)
        if random.chance(1, in: 2) {
          _ = Mutator().apply(.deepNesting, to: &fuzzCase, using: &random)
        }
        let bytes = Mutator().mutate(fuzzCase, using: &random).bytes()
        inputs.append(bytes)
        // The input itself as the innermost value of a nest, 1 to 513 levels.
        let depth = random.pick([1, 2, 511, 512, 513])
        inputs.append(
          Array(repeating: UInt8(ascii: "["), count: depth) + bytes
            + Array(repeating: UInt8(ascii: "]"), count: depth))
      }
    }
    for bytes in inputs {
      let whole = try? JSONParser().parse(bytes)
      #expect(
        ErrorBodyOracles.check(bytes) == ErrorBodyOracles.check(bytes, document: whole),
        "\(String(decoding: bytes.prefix(80), as: UTF8.self))")
      if case .nest(let depth, let inner) = JSONParser().parseNest(bytes), depth > 0,
        !ErrorBodyOracles.holdsObject(inner)
      {
        nests += 1
      }
    }
    // The shortcut was taken often, on the mutator's deepest nests among others.
    #expect(nests > 50)
  }

  @Test("the oracles' parse without failure reports fails exactly where JSONParser throws")
  func parseWithoutReports() {
    var random = FuzzRandom(seed: 8)
    var failed = 0
    var parsed = 0
    for target in FuzzTargetRegistry.standard {
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      for _ in 0..<1_500 {
        let bytes = Mutator().mutate(random.pick(seeds), using: &random).bytes()
        let reference = try? JSONParser().parse(bytes)
        #expect(JSONParser().parseIfValid(bytes) == reference, "\(target.name)")
        if reference == nil { failed += 1 } else { parsed += 1 }
      }
    }
    // Both outcomes, many times, including the mutator's deepest nests and longest strings.
    #expect(failed > 1_000 && parsed > 1_000)
  }
}

/// Planted bug: `name` is decoded but never encoded, so the round trip loses it.
struct LossyTask: TaskProgressReporting {
  var name: String?
  var status: Int?
  var taskProgress: TaskProgress { TaskProgress(phase: status == 1 ? .succeeded : .running) }
  var wireAnomalies: [WireAnomaly] { [] }

  enum CodingKeys: String, CodingKey { case name, status }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(status, forKey: .status)
  }
}
