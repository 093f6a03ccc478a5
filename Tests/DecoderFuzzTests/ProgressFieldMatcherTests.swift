import CloudProgress
import JSONTree
import Testing

@testable import DecoderFuzz

/// The compiled walk of the progress fields (``ProgressFieldMatcher``) gives what matching
/// every member's whole path against every pattern (``ProgressFields/role(of:)``) gives:
/// the same parts, the same overlay, and the cosmetic part's hash without building it.
@Suite("Progress fields, compiled")
struct ProgressFieldMatcherTests {
  /// Patterns whose walks overlap: a literal index beside `*`, a pattern inside another's
  /// container, a progress field that is also a container of another pattern.
  let tricky = ProgressFields(["/a/*/b", "/a/0/c", "/a/1", "/x/*", "/k", "/k/deep", "/n/~1/*/v"])

  @Test("parts, overlay and hash agree with the path matching, on mutated answers")
  func mutatedAnswers() throws {
    var random = FuzzRandom(seed: 11)
    var compared = 0
    for target in FuzzTargetRegistry.standard where CloudAPI(rawValue: target.name) != nil {
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      let answers = DocumentedPollingSequences.of(CloudAPI(rawValue: target.name)!).joined()
        .compactMap { try? JSONParser().parse($0) }
      for _ in 0..<400 {
        let bytes = Mutator().mutate(random.pick(seeds), using: &random).bytes()
        guard let document = try? JSONParser(maximumDepth: 1024).parse(bytes) else { continue }
        let answer = answers.isEmpty ? JSONValue.object([]) : random.pick(answers)
        try agree(target.schema.progress, on: document, over: answer)
        compared += 1
      }
    }
    #expect(compared > 1000)
  }

  @Test("parts, overlay and hash agree with the path matching, on overlapping patterns")
  func overlappingPatterns() throws {
    let documents = [
      #"{"a":[{"b":1,"c":2,"d":3},{"b":4,"c":5},{"b":[6],"e":7}],"x":[{"y":1},2],"k":{"deep":1,"z":2}}"#,
      #"{"a":{"0":{"b":1,"c":2,"d":3},"+0":{"b":1,"c":2},"00":{"b":1,"c":2},"*":{"b":1,"c":2},"z":{"b":1}}}"#,
      #"{"a":{"1":{"b":1},"-1":{"b":2,"q":3}},"k":[1,{"deep":2}],"n":{"/":[{"v":1,"w":2}],"~1":[{"v":1}]}}"#,
      #"{"a":"flat","x":"flat","k":null,"other":{"a":[{"b":1}]}}"#,
      #"[{"a":[{"b":1,"c":2}]}]"#, "{}", "[]", "7", #""text""#,
    ]
    let parsed = try documents.map { try JSONParser().parse($0) }
    for document in parsed {
      for answer in parsed {
        try agree(tricky, on: document, over: answer)
      }
    }
  }

  @Test("a document with nothing to leave out is its own progress part, not a copy of it")
  func strictPart() throws {
    let cpts = FuzzSchema.cpts.progress
    let bare = try JSONParser().parse(#"{"json":{"details":[{"status":1}],"process_status":0}}"#)
    #expect(cpts.strictProgressPart(of: bare) == nil)
    let dressed = try JSONParser().parse(#"{"json":{"details":[{"status":1,"id":2}]}}"#)
    #expect(
      cpts.strictProgressPart(of: dressed)
        == (try JSONParser().parse(#"{"json":{"details":[{"status":1}]}}"#)))
  }

  private func agree(_ fields: ProgressFields, on document: JSONValue, over answer: JSONValue)
    throws
  {
    let reference = ReferenceProgressFields(fields: fields)
    let progress = reference.part(of: document, at: [], keeping: .progress)
    let cosmetic = reference.part(of: document, at: [], keeping: .cosmetic)
    #expect(fields.progressPart(of: document) == progress)
    #expect(fields.cosmeticPart(of: document) == cosmetic)
    #expect(fields.strictProgressPart(of: document) == (progress == document ? nil : progress))
    #expect(fields.cosmeticPartHash(of: document) == StableHash.fnv1a(cosmetic))
    #expect(
      fields.overlay(cosmeticPartOf: document, onto: answer)
        == reference.overlay(document, onto: answer, at: []))
  }
}

/// The parts and the overlay as they were written before the walk was compiled: every
/// member's path matched against every pattern.
private struct ReferenceProgressFields {
  let fields: ProgressFields

  func part(of value: JSONValue, at tokens: [String], keeping kept: ProgressFields.Role)
    -> JSONValue
  {
    switch value {
    case .object(let members):
      return .object(
        members.compactMap { member in
          let path = tokens + [member.key]
          switch fields.role(of: path) {
          case .container:
            return JSONMember(member.key, part(of: member.value, at: path, keeping: kept))
          case let role: return role == kept ? member : nil
          }
        })
    case .array(let elements):
      return .array(
        elements.enumerated().map { index, element in
          let path = tokens + [String(index)]
          return fields.role(of: path) == .container
            ? part(of: element, at: path, keeping: kept) : element
        })
    default:
      return value
    }
  }

  func overlay(_ drift: JSONValue, onto answer: JSONValue, at tokens: [String]) -> JSONValue {
    switch (drift, answer) {
    case (.object(let driftMembers), .object(var members)):
      members.removeAll { fields.role(of: tokens + [$0.key]) == .cosmetic }
      for member in driftMembers {
        let path = tokens + [member.key]
        switch fields.role(of: path) {
        case .progress:
          continue
        case .container:
          guard let index = members.firstIndex(where: { $0.key == member.key }) else { continue }
          members[index].value = overlay(member.value, onto: members[index].value, at: path)
        case .cosmetic:
          members.append(member)
        }
      }
      return .object(members)
    case (.array(let driftElements), .array(var elements)):
      for index in elements.indices where index < driftElements.count {
        let path = tokens + [String(index)]
        guard fields.role(of: path) == .container else { continue }
        elements[index] = overlay(driftElements[index], onto: elements[index], at: path)
      }
      return .array(elements)
    default:
      return answer
    }
  }
}
