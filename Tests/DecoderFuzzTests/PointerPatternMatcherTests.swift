import CloudProgress
import JSONTree
import Testing

@testable import DecoderFuzz

/// The compiled walk of pointer patterns (``PointerPatternMatcher``) gives what matching every
/// member's whole path against every pattern gives: for the progress fields
/// (``ProgressFields/role(of:)``), the same parts, the same overlay, and the cosmetic part's
/// hash without building it; for a schema, the same kinds and the same verdict on documents.
@Suite("Pointer patterns, compiled")
struct PointerPatternMatcherTests {
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

  @Test("a schema's kinds and documented verdicts agree with the path matching")
  func schemas() throws {
    var random = FuzzRandom(seed: 12)
    var compared = 0
    let tricky = FuzzSchema(
      [
        "/a": .array, "/a/*": .object, "/a/0": .string, "/a/*/b": .integer(FieldKind.int32Range),
        "/k": .object, "/k/*": .boolean, "/k/x": .string, "/n/~1": .numericString,
      ], progress: ["/a/*/b"])
    let trickyDocuments = [
      #"{"a":["s",{"b":1},{"b":"x"}],"k":{"0":true,"+1":false,"*":true,"x":"y","z":1}}"#,
      #"{"a":[{"b":1}],"k":{"00":true,"x":1},"n":{"/":"1"},"n":null}"#,
      #"{"a":[null,{"b":2147483648}],"k":{"-0":true},"u":[[[[1]]]]}"#,
      #"{"a":{"0":"s"},"k":[true]}"#, #"{"a":[],"k":{}}"#, "[]", "{}",
    ]
    for text in trickyDocuments {
      let document = try JSONParser().parse(text)
      try agree(tricky, on: document)
    }
    for target in FuzzTargetRegistry.standard {
      let seeds = SeedCorpus.cases(of: target, in: corpusDirectory)
      for _ in 0..<300 {
        let bytes = Mutator().mutate(random.pick(seeds), using: &random).bytes()
        guard let document = try? JSONParser(maximumDepth: 1024).parse(bytes) else { continue }
        try agree(target.schema, on: document)
        compared += 1
      }
    }
    #expect(compared > 1000)
  }

  private func agree(_ schema: FuzzSchema, on document: JSONValue) throws {
    let reference = ReferenceSchema(schema: schema)
    #expect(schema.documents(document) == reference.documents(document))
    var pointers: [JSONPointer] = []
    func collect(_ value: JSONValue, _ tokens: [String]) {
      guard pointers.count < 200 else { return }
      pointers.append(JSONPointer(tokens: tokens))
      switch value {
      case .object(let members):
        for member in members { collect(member.value, tokens + [member.key]) }
      case .array(let elements):
        for (index, element) in elements.enumerated() { collect(element, tokens + [String(index)]) }
      default: break
      }
    }
    collect(document, [])
    for pointer in pointers {
      #expect(schema.kind(at: pointer) == reference.kind(at: pointer), "\(pointer)")
    }
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
    let progressHash = fields.progressPartHash(of: document)
    #expect(progressHash.hash == StableHash.fnv1a(progress))
    #expect(progressHash.changed == (progress != document))
    #expect(fields.progressPart(of: document, equals: progress))
    let answerPart = reference.part(of: answer, at: [], keeping: .progress)
    #expect(fields.progressPart(of: document, equals: answerPart) == (progress == answerPart))
    #expect(fields.progressPart(of: document, equals: cosmetic) == (progress == cosmetic))
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

/// A schema's kinds and documented verdicts as they were written before the patterns were
/// compiled: every path matched against every pattern, in the order of their text.
private struct ReferenceSchema {
  let schema: FuzzSchema

  var patterns: [(tokens: [String], kind: FieldKind)] {
    schema.fields.sorted { $0.key < $1.key }.map { (JSONPointer($0.key)?.tokens ?? [], $0.value) }
  }

  func kind(at pointer: JSONPointer) -> FieldKind? {
    patterns.first { pattern in
      pattern.tokens.count == pointer.tokens.count
        && zip(pattern.tokens, pointer.tokens).allSatisfy { expected, token in
          expected == token || (expected == "*" && Int(token) != nil)
        }
    }?.kind
  }

  func documents(_ document: JSONValue) -> Bool {
    guard document.members != nil else { return false }
    return isDocumented(document, at: [])
  }

  private func isDocumented(_ value: JSONValue, at tokens: [String]) -> Bool {
    if !tokens.isEmpty {
      guard let kind = kind(at: JSONPointer(tokens: tokens)) else {
        return FuzzSchema.nests(value, atMost: FuzzSchema.unknownValueDepthLimit)
      }
      if value == .null { return true }
      guard kind.admits(value) else { return false }
    }
    switch value {
    case .object(let members):
      guard Set(members.map(\.key)).count == members.count else { return false }
      return members.allSatisfy { isDocumented($0.value, at: tokens + [$0.key]) }
    case .array(let elements):
      return elements.indices.allSatisfy { isDocumented(elements[$0], at: tokens + [String($0)]) }
    default:
      return true
    }
  }
}
