import DecoderFuzz
import Foundation
import JSONTree
import Testing

/// A mutation's record is the whole truth: applying what it says to the tree gives the
/// document the mutator wrote, byte splicing notwithstanding.
@Suite("Mutation records")
struct MutationRecordTests {
  static let documents: [(JSONValue, FuzzSchema)] =
    FuzzTargetRegistry.standard.flatMap { target in
      SeedCorpus.seedFiles(of: target, in: corpusDirectory).compactMap { url in
        (try? JSONParser().parse(Data(contentsOf: url))).map { ($0, target.schema) }
      }
    } + [
      (
        .object([
          JSONMember("a~b/c", .array([.string("x"), .object([JSONMember("k", .null)])])),
          JSONMember("empty", .object([])), JSONMember("list", .array([])),
        ]), .insight
      )
    ]

  static let treeOperators: [MutationOperator] = [
    .extremeNumber, .setNull, .unknownEnumValue, .enumCaseVariant, .documentedEnumValue,
    .wrongType, .numberAsString, .removeMember, .addUnknownMember, .duplicateKey,
    .duplicateElement, .emptyString, .hugeString, .naughtyString, .deepNesting,
  ]

  @Test("one mutation gives the document its record describes", arguments: treeOperators)
  func single(mutationOperator: MutationOperator) throws {
    var random = FuzzRandom(seed: 11)
    var checked = 0
    for (document, schema) in Self.documents {
      for _ in 0..<20 {
        var fuzzCase = FuzzCase(document: document, schema: schema)
        guard Mutator().apply(mutationOperator, to: &fuzzCase, using: &random) else { continue }
        let record = try #require(fuzzCase.mutations.first)
        #expect(fuzzCase.isWellFormed)
        let written = try JSONParser(maximumDepth: 1024).parse(fuzzCase.bytes())
        #expect(
          try Self.expectedDocuments(document, after: record).contains(written),
          "\(record)")
        checked += 1
      }
    }
    #expect(checked >= 30)
  }

  @Test("stacked mutations: every well-formed case is valid JSON and keeps its whole record")
  func stacked() throws {
    var random = FuzzRandom(seed: 3)
    var wellFormed = 0
    for (document, schema) in Self.documents {
      let base = FuzzCase(document: document, schema: schema)
      for _ in 0..<300 {
        let mutated = Mutator().mutate(base, using: &random)
        #expect((1...4).contains(mutated.mutations.count))
        guard mutated.isWellFormed else { continue }
        wellFormed += 1
        let rebased = try #require(mutated.rebased())
        #expect(rebased.bytes() == mutated.bytes())
        #expect(rebased.mutations == mutated.mutations)
      }
    }
    #expect(wellFormed > 1000)
  }

  @Test("trailing commas, bad UTF-8 and lone surrogates land where their record says")
  func invalidOnPurpose() throws {
    let document: JSONValue = .object([JSONMember("s", .string("ok"))])
    var random = FuzzRandom(seed: 2)
    var seen: Set<String> = []
    for _ in 0..<60 {
      for mutationOperator in [MutationOperator.trailingComma, .invalidUTF8, .loneSurrogate] {
        var fuzzCase = FuzzCase(document: document, schema: .insight)
        #expect(Mutator().apply(mutationOperator, to: &fuzzCase, using: &random))
        #expect(!fuzzCase.isWellFormed)
        #expect(fuzzCase.rebased() == nil)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(fuzzCase.bytes()) }
        let text = String(decoding: fuzzCase.bytes(), as: UTF8.self)
        seen.insert("\(fuzzCase.mutations[0]) \(text)")
      }
    }
    #expect(seen.contains(#"(root) trailingComma , {"s":"ok",}"#))
    #expect(seen.contains(#"/s loneSurrogate \uD800 {"s":"\uD800ok"}"#))
    #expect(seen.contains("/s invalidUTF8 ff {\"s\":\"\u{FFFD}ok\"}"))
  }

  /// The documents a record allows (a duplicated key goes first or last).
  static func expectedDocuments(_ document: JSONValue, after record: Mutation) throws
    -> [JSONValue]
  {
    let pointer = try #require(JSONPointer(record.pointer))
    let parent = JSONPointer(tokens: Array(pointer.tokens.dropLast()))
    let token = pointer.tokens.last ?? ""
    func argumentValue() throws -> JSONValue { try JSONParser().parse(Array(record.argument.utf8)) }
    func changing(_ at: JSONPointer, _ change: (inout JSONValue) -> Void) -> JSONValue {
      var result = document
      result.update(at: at, change)
      return result
    }
    switch record.operator {
    case .extremeNumber, .setNull, .unknownEnumValue, .enumCaseVariant, .documentedEnumValue,
      .wrongType, .numberAsString, .emptyString:
      let value = try argumentValue()
      return [changing(pointer) { $0 = value }]
    case .hugeString:
      let parts = record.argument.split(separator: " x ", maxSplits: 1)
      let count = try #require(Int(parts[0]))
      let unit = try #require(try JSONParser().parse(Array(parts[1].utf8)).stringValue)
      return [changing(pointer) { $0 = .string(String(repeating: unit, count: count)) }]
    case .naughtyString:
      let naughty = try #require(
        MutationCatalogue.naughtyStrings.first { $0.name == record.argument })
      let original = document.value(at: pointer)?.stringValue
      return [changing(pointer) { $0 = .string(naughty.text) }]
        + (original.map { text in [changing(pointer) { $0 = .string(text + naughty.text) }] }
          ?? [])
    case .removeMember:
      return [
        changing(parent) { object in
          var members = object.members ?? []
          members.removeAll { $0.key == token }
          object = .object(members)
        }
      ]
    case .addUnknownMember, .duplicateKey:
      let member = JSONMember(token, try argumentValue())
      let appended = changing(parent) { $0 = .object(($0.members ?? []) + [member]) }
      let prepended = changing(parent) { $0 = .object([member] + ($0.members ?? [])) }
      return record.operator == .addUnknownMember ? [appended] : [appended, prepended]
    case .duplicateElement:
      let copies = try #require(Int(record.argument))
      let element = try #require(document.value(at: pointer))
      return [
        changing(parent) { array in
          guard case .array(let elements) = array else { return }
          array = .array(elements + Array(repeating: element, count: copies))
        }
      ]
    case .deepNesting:
      let total = try #require(Int(record.argument.dropFirst("depth ".count)))
      let value = try #require(document.value(at: pointer))
      let wraps = total - pointer.tokens.count - value.nestingDepth
      return [
        changing(pointer) { wrapped in
          for _ in 0..<wraps { wrapped = .array([wrapped]) }
        }
      ]
    case .trailingComma, .invalidUTF8, .loneSurrogate, .truncate, .havoc:
      return []
    }
  }
}
